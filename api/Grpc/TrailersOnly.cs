using System.Globalization;
using Grpc.Core;

namespace MatchEngine.Api.Grpc;

/// <summary>
/// A gRPC status answered before any method runs, as a trailers-only response: HTTP 200, <c>application/grpc</c>, and the status and
/// its (percent-encoded) message in the headers. Clients read it as that status; a bare HTTP error reaches them as UNAVAILABLE or
/// "Received HTTP status code …".
/// </summary>
public static class TrailersOnly
{
    /// <summary>Writes <paramref name="status"/> with <paramref name="message"/> to a response that has not started.</summary>
    public static void Write(HttpResponse response, StatusCode status, string message)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)status).ToString(CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = Uri.EscapeDataString(message);
    }
}
