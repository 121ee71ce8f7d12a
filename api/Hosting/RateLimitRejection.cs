using System.Globalization;
using System.Threading.RateLimiting;
using Grpc.Core;
using MatchEngine.Api.Grpc;
using Microsoft.AspNetCore.RateLimiting;

namespace MatchEngine.Api.Hosting;

/// <summary>
/// Answers a call over its caller's rate limit as gRPC RESOURCE_EXHAUSTED in a trailers-only response, with
/// <c>retry-after</c> (whole seconds) and <c>grpc-retry-pushback-ms</c> saying when the caller's bucket has a token
/// again. A bare HTTP 429 reaches gRPC clients as UNAVAILABLE, which their retry policies retry at once.
/// </summary>
public static class RateLimitRejection
{
    /// <summary>The status message of a rejected call.</summary>
    public const string Message = "te veel aanroepen per seconde voor deze gebruiker; probeer het zo opnieuw (MatchEngine:RateLimitPerSecond)";

    /// <summary>Writes the rejection; registered as <see cref="RateLimiterOptions.OnRejected"/>.</summary>
    public static ValueTask WriteAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero ? retryAfter : TimeSpan.FromSeconds(1);
        var response = rejected.HttpContext.Response;
        TrailersOnly.Write(response, StatusCode.ResourceExhausted, Message);
        response.Headers["retry-after"] = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        response.Headers["grpc-retry-pushback-ms"] = ((long)Math.Ceiling(wait.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);
        return ValueTask.CompletedTask;
    }
}
