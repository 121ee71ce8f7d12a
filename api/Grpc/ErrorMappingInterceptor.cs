using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using MatchEngine.Engine;
using MatchEngine.Engine.Contract;

namespace MatchEngine.Api.Grpc;

/// <summary>
/// Turns domain exceptions into gRPC status codes, for unary and streaming calls alike:
/// contract violations and invalid arguments are INVALID_ARGUMENT with a google.rpc.BadRequest naming
/// each field; unknown records NOT_FOUND; an engine not ready FAILED_PRECONDITION. Anything else is
/// INTERNAL, with the exception text only in Development. Before a method runs, its request's ids are checked
/// (<see cref="RequestIds"/>), in client streams message by message; a client stream that is not valid protobuf is
/// INVALID_ARGUMENT, one with a message above the size limit RESOURCE_EXHAUSTED, both in Dutch (<see cref="UnreadableRequests"/>).
/// A status message never exceeds <see cref="MaxMessageLength"/> characters, whatever a client sent.
/// </summary>
public sealed partial class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger, IHostEnvironment environment) : Interceptor
{
    /// <summary>The longest status message sent; a status travels in an HTTP/2 trailer, whose size is limited.</summary>
    public const int MaxMessageLength = 1000;

    /// <summary>The status message of a request whose bytes are not a message of its method.</summary>
    public const string Unreadable = "het verzoek kon niet worden gelezen";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            RequestIds.Check(request);
            return await continuation(request, context);
        }
        catch (Exception e) when (Handles(e, out var unreadable)) { throw unreadable ?? Map(e, context); }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context,
        ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try { return await continuation(new CheckedRequestStream<TRequest>(requestStream), context); }
        catch (Exception e) when (Handles(e, out var unreadable)) { throw unreadable ?? Map(e, context); }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            RequestIds.Check(request);
            await continuation(request, responseStream, context);
        }
        catch (Exception e) when (Handles(e, out var unreadable)) { throw unreadable ?? Map(e, context); }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try { await continuation(new CheckedRequestStream<TRequest>(requestStream), responseStream, context); }
        catch (Exception e) when (Handles(e, out var unreadable)) { throw unreadable ?? Map(e, context); }
    }

    /// <summary>
    /// Whether this interceptor answers <paramref name="e"/>: any exception but a status a method set itself, and
    /// grpc-dotnet's refusal of a request it could not read, whose answer is <paramref name="unreadable"/>.
    /// </summary>
    private static bool Handles(Exception e, out RpcException? unreadable)
    {
        unreadable = UnreadableRequests.Answer(e);
        return unreadable is not null || e is not RpcException;
    }

    private RpcException Map(Exception e, ServerCallContext context)
    {
        switch (e)
        {
            case ContractViolationException v:
                return BadRequest(v.Message, v.Violations.Select(x => (x.Field, x.Reason)));
            case InvalidRequestException i:
                return BadRequest(i.Message, [(i.Field, i.Reason)]);
            case AccessDeniedException d:
                return new RpcException(Status(StatusCode.PermissionDenied, d.Message));
            case MatchEngine.Models.Registry.AdminOnlyException a:
                return new RpcException(Status(StatusCode.PermissionDenied, a.Message));
            case RecordNotFoundException n:
                return new RpcException(Status(StatusCode.NotFound, n.Message));
            case MatchEngine.Models.Registry.ModelVersionNotFoundException m:
                return new RpcException(Status(StatusCode.NotFound, m.Message));
            case PreconditionFailedException p:
                return new RpcException(Status(StatusCode.FailedPrecondition, p.Message));
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return new RpcException(new global::Grpc.Core.Status(StatusCode.Cancelled, "de aanroep is afgebroken"));
            default:
                LogUnhandled(logger, context.Method, e);
                var detail = environment.IsDevelopment() ? e.ToString() : "interne fout; zie het serverlog";
                return new RpcException(Status(StatusCode.Internal, detail));
        }
    }

    private static global::Grpc.Core.Status Status(StatusCode code, string message) => new(code, Shorten(message));

    /// <summary><paramref name="message"/> cut to <see cref="MaxMessageLength"/> characters.</summary>
    public static string Shorten(string message) => message.Length <= MaxMessageLength ? message : message[..(MaxMessageLength - 1)] + "…";

    /// <summary>An INVALID_ARGUMENT status carrying a google.rpc.BadRequest with one violation per field.</summary>
    public static RpcException BadRequest(string message, IEnumerable<(string Field, string Reason)> violations) =>
        BadRequestStatus(message, violations).ToRpcException();

    /// <summary>The status of <see cref="BadRequest"/>, for an answer written outside a gRPC call (the HTTP API's body check).</summary>
    public static Google.Rpc.Status BadRequestStatus(string message, IEnumerable<(string Field, string Reason)> violations)
    {
        var badRequest = new BadRequest();
        foreach (var (field, reason) in violations)
            badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = Shorten(field), Description = Shorten(reason) });
        return new Google.Rpc.Status { Code = (int)Code.InvalidArgument, Message = Shorten(message), Details = { Any.Pack(badRequest) } };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception in {Method}")]
    private static partial void LogUnhandled(ILogger logger, string method, Exception exception);
}
