using System.Threading.RateLimiting;
using MatchEngine.Api.Configuration;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace MatchEngine.Api.Hosting;

/// <summary>The per-caller rate limit of <see cref="MatchEngineOptions.RateLimitPerSecond"/>.</summary>
public static class RateLimitRegistration
{
    /// <summary>Limits each caller (user, or remote address when anonymous) by a token bucket refilled every second;
    /// a call over the limit is answered by <see cref="RateLimitRejection"/>.</summary>
    public static IServiceCollection AddMatchEngineRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(o => o.OnRejected = RateLimitRejection.WriteAsync);
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<MatchEngineOptions>>((o, settings) =>
        {
            var perSecond = settings.Value.RateLimitPerSecond;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => RateLimitPartition.GetTokenBucketLimiter(
                http.User.Identity?.Name ?? http.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = perSecond, TokensPerPeriod = perSecond, ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0, AutoReplenishment = true,
                }));
        });
        return services;
    }
}
