using MatchEngine.Engine.Store;

namespace MatchEngine.Engine.Catalog;

/// <summary>
/// The data's date for answers given on every call (<see cref="DataDate.Resolve"/> without an explicit date): read again from the
/// placements only after the store's <see cref="ICatalogStore.Revision"/> moved, and that revision read at most once per
/// <paramref name="recheck"/> (default <see cref="DefaultRecheck"/>; on a PostgreSQL store it is a query). One caller at a time
/// reads them; the others keep the last answer meanwhile, or wait for the first. Thread-safe.
/// </summary>
public sealed class DataToday(ICatalogStore store, TimeProvider time, TimeSpan? recheck = null)
{
    /// <summary>How long a read of the store's revision is trusted by default.</summary>
    public static readonly TimeSpan DefaultRecheck = TimeSpan.FromSeconds(1);

    private readonly TimeSpan _recheck = recheck ?? DefaultRecheck;
    private readonly Lock _reading = new();

    private sealed record Read(long Revision, DateOnly? DataDate, DateTimeOffset At);

    private volatile Read? _last;

    /// <summary>The data's date, else the clock's.</summary>
    public DateOnly Date
    {
        get
        {
            var last = _last;
            if (last is null || time.GetUtcNow() - last.At >= _recheck) last = Refresh(last);
            return last.DataDate ?? DataDate.ClockDate(time);
        }
    }

    private Read Refresh(Read? seen)
    {
        if (seen is not null && !_reading.TryEnter()) return seen;
        if (seen is null) _reading.Enter();
        try
        {
            var now = time.GetUtcNow();
            var last = _last;
            if (last is not null && !ReferenceEquals(last, seen)) return last;
            var revision = store.Revision;
            return _last = last is not null && last.Revision == revision ? last with { At = now } : new Read(revision, DataDate.Of(store), now);
        }
        finally
        {
            _reading.Exit();
        }
    }
}
