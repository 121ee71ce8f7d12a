using MatchEngine.Engine.Risk;
using MatchEngine.Engine.Store;

namespace MatchEngine.Engine.Catalog;

/// <summary>
/// The one "today" of the command line and the demo: the date an explicit <c>--as-of</c> gives, else the data's own date
/// (the latest <c>observed_until</c> of any placement: the day the data was drawn up, which for a synthetic region is its
/// <c>--as-of</c>), else, for data without placements, the clock's date. A region imported months ago is then read as of
/// the day its data describes, not as of a day it knows nothing about.
/// </summary>
public static class DataDate
{
    /// <summary>The data's own date, or null when the store holds no placements.</summary>
    public static DateOnly? Of(ICatalogStore store) => HerinstroomDataset.LatestObservation(store);

    /// <summary><paramref name="asOf"/> when given, else the data's date, else the clock's date.</summary>
    public static DateOnly Resolve(DateOnly? asOf, ICatalogStore store, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return asOf ?? Of(store) ?? ClockDate(time);
    }

    /// <summary>The clock's local date: "today" for data without placements.</summary>
    public static DateOnly ClockDate(TimeProvider time) => DateOnly.FromDateTime(time.GetLocalNow().DateTime);
}
