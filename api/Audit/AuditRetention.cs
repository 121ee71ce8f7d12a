using MatchEngine.Api.Configuration;
using MatchEngine.Api.Hosting;
using MatchEngine.Engine.Audit;
using Microsoft.Extensions.Options;

namespace MatchEngine.Api.Audit;

/// <summary>Purges audit entries older than <see cref="MatchEngineOptions.AuditRetentionDays"/>, at start and then daily.</summary>
public sealed partial class AuditRetention(IAuditLog log, IOptions<MatchEngineOptions> options, TimeProvider time, ILogger<AuditRetention> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromDays(1), time);
        do
        {
            var purged = log.Purge(time.GetUtcNow().AddDays(-options.Value.AuditRetentionDays));
            if (purged > 0) LogPurged(logger, purged, options.Value.AuditRetentionDays);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} audit entries older than {Days} days")]
    private static partial void LogPurged(ILogger logger, int count, int days);
}
