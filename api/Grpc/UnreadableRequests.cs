using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Status = Grpc.Core.Status;

namespace MatchEngine.Api.Grpc;

/// <summary>
/// Answers in Dutch the requests grpc-dotnet refuses before any interceptor runs. A request that is not a valid protobuf
/// message (truncated, a string that is not UTF-8, a frame shorter than its length prefix) becomes INVALID_ARGUMENT, where
/// grpc-dotnet answers UNKNOWN or INTERNAL; a message above the size limit (<see cref="GrpcLimits.MaxMessageBytes"/>) stays
/// RESOURCE_EXHAUSTED, with a Dutch message and a google.rpc.QuotaFailure instead of grpc-dotnet's English. grpc-dotnet reads a
/// unary or server-streaming request first and answers in a trailers-only response; this middleware, around the gRPC
/// endpoint, rewrites that status while the response has not started. Client streams are read inside the method, so
/// <see cref="ErrorMappingInterceptor"/> answers them with <see cref="Answer(Exception)"/>.
/// </summary>
public sealed class UnreadableRequests(RequestDelegate next)
{
    /// <summary>The field a malformed request's violation names: the message as a whole.</summary>
    public const string Field = "(message)";

    /// <summary>The reason given for a malformed request.</summary>
    public const string Reason = "is geen geldig protobuf-bericht voor deze methode (afgekapt, of een tekst die geen UTF-8 is)";

    /// <summary>The status message of a request message above the size limit.</summary>
    public static readonly string TooLarge =
        $"het bericht is groter dan {GrpcLimits.MaxMessageBytes / (1024 * 1024)} MB, de grens per bericht; stuur records één per bericht (de stream van Catalog.Upsert)";

    /// <summary>grpc-dotnet's status message for a request message above the size limit.</summary>
    private const string GrpcDotnetTooLarge = "Received message exceeds the maximum configured message size.";

    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (context.Response.HasStarted || context.Features.Get<IServerCallContextFeature>()?.ServerCallContext is not { } call) return;
        if (Answer(call.Status) is not { } answer) return;
        var headers = context.Response.Headers;
        headers["grpc-status"] = ((int)answer.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        headers["grpc-message"] = Uri.EscapeDataString(answer.Status.Detail);
        foreach (var entry in answer.Trailers.Where(t => t.IsBinary))
            headers[entry.Key] = Convert.ToBase64String(entry.ValueBytes);
    }

    /// <summary>Our answer to a request grpc-dotnet could not read, given the exception its reading threw; null for any other exception.</summary>
    public static RpcException? Answer(Exception e)
    {
        if (IsMalformed(e)) return Malformed();
        return e is RpcException r ? Answer(r.Status) : null;
    }

    /// <summary>Our answer to a request grpc-dotnet refused with <paramref name="status"/>; null when it refused nothing we answer.</summary>
    private static RpcException? Answer(Status status)
    {
        if (IsMalformed(status)) return Malformed();
        if (status.StatusCode is not StatusCode.ResourceExhausted || status.Detail != GrpcDotnetTooLarge) return null;
        var quota = new QuotaFailure { Violations = { new QuotaFailure.Types.Violation { Subject = Field, Description = TooLarge } } };
        return new Google.Rpc.Status { Code = (int)Code.ResourceExhausted, Message = TooLarge, Details = { Any.Pack(quota) } }.ToRpcException();
    }

    private static RpcException Malformed() => ErrorMappingInterceptor.BadRequest(ErrorMappingInterceptor.Unreadable, [(Field, Reason)]);

    /// <summary>True when <paramref name="status"/> is grpc-dotnet's answer to a request it could not read.</summary>
    private static bool IsMalformed(Status status) =>
        status.StatusCode is StatusCode.Unknown && status.DebugException is { } e && IsMalformed(e)
        || status.StatusCode is StatusCode.Internal && status.Detail == "Incomplete message.";

    /// <summary>True when <paramref name="e"/> (or an exception inside it) says the bytes are not a valid message.</summary>
    private static bool IsMalformed(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is InvalidProtocolBufferException or DecoderFallbackException) return true;
            if (x is RpcException r && IsMalformed(r.Status)) return true;
        }
        return false;
    }
}
