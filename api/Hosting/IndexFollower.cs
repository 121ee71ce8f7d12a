using MatchEngine.Api.Configuration;
using MatchEngine.Engine.Catalog;
using Microsoft.Extensions.Options;

namespace MatchEngine.Api.Hosting;

/// <summary>
/// With a shared store, other replicas write to it too: this replica's local index follows the store
/// by polling its revision every <see cref="MatchEngineOptions.IndexSyncSeconds"/> and applying what
/// changed. The catalog it follows is opened when the host starts, which rebuilds or catches the index
/// up before the replica serves. A failed tick (database unreachable) is logged and retried on the next one.
/// </summary>
public sealed partial class IndexFollower(CatalogService catalog, IOptions<MatchEngineOptions> options, TimeProvider time, ILogger<IndexFollower> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // the ticks run off the host's start path
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.IndexSyncSeconds), time);
        do
        {
            try
            {
                var applied = catalog.SyncIndex();
                if (applied > 0) LogCaughtUp(logger, applied, catalog.Index.Revision);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSyncFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Stands in for the follower when the store is not shared: nothing else writes to it.</summary>
    internal sealed class NotShared : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Index caught up with {Changes} store changes, now at revision {Revision}")]
    private static partial void LogCaughtUp(ILogger logger, int changes, long revision);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Index catch-up from the shared store failed; retrying on the next tick")]
    private static partial void LogSyncFailed(ILogger logger, Exception exception);
}
