using System.Text;
using Google.Protobuf;
using Grpc.AspNetCore.Server;
using Grpc.Core;

namespace MatchEngine.Api.Grpc;

/// <summary>
/// Makes a request that is not a valid protobuf message (truncated, a string that is not UTF-8, a frame shorter than
/// its length prefix) INVALID_ARGUMENT. grpc-dotnet reads a unary or server-streaming request before any interceptor
/// runs and answers such a request UNKNOWN or INTERNAL in a trailers-only response; this middleware, around the gRPC
/// endpoint, rewrites that status while the response has not started. Client streams are read inside the method, so
/// <see cref="ErrorMappingInterceptor"/> maps them with <see cref="IsMalformed(Exception)"/>.
/// </summary>
public sealed class MalformedRequests(RequestDelegate next)
{
    /// <summary>The field a malformed request's violation names: the message as a whole.</summary>
    public const string Field = "(message)";

    /// <summary>The reason given for a malformed request.</summary>
    public const string Reason = "is geen geldig protobuf-bericht voor deze methode (afgekapt, of een tekst die geen UTF-8 is)";

    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (context.Response.HasStarted || context.Features.Get<IServerCallContextFeature>()?.ServerCallContext is not { } call) return;
        var status = call.Status;
        if (!IsMalformed(status)) return;
        var rewritten = ErrorMappingInterceptor.BadRequest(ErrorMappingInterceptor.Unreadable, [(Field, Reason)]);
        var headers = context.Response.Headers;
        headers["grpc-status"] = ((int)rewritten.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        headers["grpc-message"] = Uri.EscapeDataString(rewritten.Status.Detail);
        foreach (var entry in rewritten.Trailers.Where(t => t.IsBinary))
            headers[entry.Key] = Convert.ToBase64String(entry.ValueBytes);
    }

    /// <summary>True when <paramref name="status"/> is grpc-dotnet's answer to a request it could not read.</summary>
    public static bool IsMalformed(Status status) =>
        status.StatusCode is StatusCode.Unknown && status.DebugException is { } e && IsMalformed(e)
        || status.StatusCode is StatusCode.Internal && status.Detail == "Incomplete message.";

    /// <summary>True when <paramref name="e"/> (or an exception inside it) says the bytes are not a valid message.</summary>
    public static bool IsMalformed(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is InvalidProtocolBufferException or DecoderFallbackException) return true;
            if (x is RpcException r && IsMalformed(r.Status)) return true;
        }
        return false;
    }
}
