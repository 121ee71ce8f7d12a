using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Risk;
using MatchEngine.Engine.Store;

namespace MatchEngine.Engine.Catalog;

/// <summary>
/// The data's date for answers given on every call (<see cref="DataDate.Resolve"/> without an explicit date), who is at work on
/// it (<see cref="CurrentJobs"/>) and who was placed in which vacancy (<see cref="VacancyPlacements"/>): read again from the
/// placements, in one pass, only after the store's <see cref="ICatalogStore.Revision"/> moved with a placement among the changes
/// (<see cref="ICatalogStore.ChangedSince"/>), and that revision read at most once per
/// <paramref name="recheck"/> (default <see cref="DefaultRecheck"/>; on a PostgreSQL store it is a query). One caller at a time
/// reads them; the others keep the last answer meanwhile, or wait for the first. Thread-safe.
/// </summary>
public sealed class DataToday(ICatalogStore store, TimeProvider time, TimeSpan? recheck = null)
{
    /// <summary>How long a read of the store's revision is trusted by default.</summary>
    public static readonly TimeSpan DefaultRecheck = TimeSpan.FromSeconds(1);

    private readonly TimeSpan _recheck = recheck ?? DefaultRecheck;
    private readonly Lock _reading = new();

    private sealed record Read(long Revision, DateOnly? DataDate, CurrentJobs Jobs, VacancyPlacements Placed, DateTimeOffset At);

    private volatile Read? _last;

    /// <summary>The data's date, else the clock's.</summary>
    public DateOnly Date => Current().DataDate ?? DataDate.ClockDate(time);

    /// <summary>Who is at work on the data's date: their placements have started and neither ended nor led to herinstroom.</summary>
    public CurrentJobs Jobs => Current().Jobs;

    /// <summary>Who has a placement naming each vacancy.</summary>
    public VacancyPlacements Placed => Current().Placed;

    /// <summary>Who is at work on <paramref name="day"/>: <see cref="Jobs"/> on the data's date, else read from the placements.</summary>
    public CurrentJobs JobsOn(DateOnly day)
    {
        var read = Current();
        return day == (read.DataDate ?? DataDate.ClockDate(time)) ? read.Jobs : CurrentJobs.On(store.Placements(), day);
    }

    private Read Current()
    {
        var last = _last;
        return last is null || time.GetUtcNow() - last.At >= _recheck ? Refresh(last) : last;
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
            // A write of other records (a recorded outcome, an imported vacancy) leaves the placements as they were.
            var same = last is not null && (last.Revision == revision || !store.ChangedSince(EntityKind.Placement, last.Revision));
            return _last = same ? last! with { Revision = revision, At = now } : ReadStore(revision, now);
        }
        finally
        {
            _reading.Exit();
        }
    }

    /// <summary>
    /// The data's date (<see cref="DataDate.Of"/>), the jobs on it and the placements naming a vacancy, from one read of the placements.
    /// </summary>
    private Read ReadStore(long revision, DateTimeOffset now)
    {
        var placements = store.Placements().ToList();
        var latest = HerinstroomDataset.LatestObservation(placements);
        var jobs = latest is { } day ? CurrentJobs.On(placements, day) : CurrentJobs.None;
        return new Read(revision, latest, jobs, VacancyPlacements.Of(placements), now);
    }
}
