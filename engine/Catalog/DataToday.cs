using MatchEngine.Engine.Store;

namespace MatchEngine.Engine.Catalog;

/// <summary>
/// The data's date for answers given on every call (<see cref="DataDate.Resolve"/> without an explicit date): read again from the
/// placements only after the store's <see cref="ICatalogStore.Revision"/> moved, and that revision read at most once per
/// <paramref name="recheck"/> (default <see cref="DefaultRecheck"/>; on a PostgreSQL store it is a query). Thread-safe.
/// </summary>
public sealed class DataToday(ICatalogStore store, TimeProvider time, TimeSpan? recheck = null)
{
    /// <summary>How long a read of the store's revision is trusted by default.</summary>
    public static readonly TimeSpan DefaultRecheck = TimeSpan.FromSeconds(1);

    private readonly TimeSpan _recheck = recheck ?? DefaultRecheck;

    private sealed record Read(long Revision, DateOnly? DataDate, DateTimeOffset At);

    private volatile Read? _last;

    /// <summary>The data's date, else the clock's.</summary>
    public DateOnly Date
    {
        get
        {
            var now = time.GetUtcNow();
            var last = _last;
            if (last is null || now - last.At >= _recheck)
            {
                var revision = store.Revision;
                _last = last = last is not null && last.Revision == revision ? last with { At = now } : new Read(revision, DataDate.Of(store), now);
            }
            return last.DataDate ?? DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        }
    }
}
