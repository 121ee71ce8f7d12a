using MatchEngine.Engine.Store;

namespace MatchEngine.Engine.Catalog;

/// <summary>
/// The data's date for answers given on every call (<see cref="DataDate.Resolve"/> without an explicit date): read again from the
/// placements only after the store's <see cref="ICatalogStore.Revision"/> moved, so a call costs one revision read. Thread-safe.
/// </summary>
public sealed class DataToday(ICatalogStore store, TimeProvider time)
{
    private sealed record Read(long Revision, DateOnly? DataDate);

    private volatile Read? _last;

    /// <summary>The data's date, else the clock's.</summary>
    public DateOnly Date
    {
        get
        {
            var revision = store.Revision;
            var last = _last;
            if (last is null || last.Revision != revision) _last = last = new Read(revision, DataDate.Of(store));
            return last.DataDate ?? DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        }
    }
}
