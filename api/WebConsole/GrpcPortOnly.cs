using Microsoft.AspNetCore.Http.Features;

namespace MatchEngine.Api.WebConsole;

/// <summary>
/// Keeps the two ports apart: the gRPC port (HTTP/2 only) answers gRPC calls and nothing else, so the console and the
/// HTTP/JSON api are reached only on the console port (HTTP/1.1 only), where gRPC cannot run.
/// </summary>
public sealed class GrpcPortOnly(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (HttpProtocol.IsHttp2(context.Request.Protocol) && context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) != true)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        return next(context);
    }
}
