using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Risk;

namespace MatchEngine.Engine.Catalog;

/// <summary>
/// A candidate's work on one day: the placements that have started, not ended and show no herinstroom by then
/// (<see cref="HerinstroomDataset.IsActive"/>, the placements nazorg is for), working since the earliest start among them.
/// </summary>
public sealed record CurrentJob(DateOnly Since, double HoursPerWeek, int Jobs)
{
    /// <summary>The gap a shortlist names: "werkt sinds 4 april 2024, 25 uur per week" (with more jobs: "in 2 banen, samen 50 uur per week").</summary>
    public string Gap => Jobs == 1
        ? $"werkt sinds {Dutch.Date(Since)}, {Dutch.Hours(HoursPerWeek)} per week"
        : $"werkt sinds {Dutch.Date(Since)} in {Jobs} banen, samen {Dutch.Hours(HoursPerWeek)} per week";

    /// <summary>The sentence above a candidate's recommended vacancies: "Deze kandidaat werkt sinds 4 april 2024, 25 uur per week."</summary>
    public string Notice => $"Deze kandidaat {Gap}.";
}

/// <summary>
/// Who is at work on one day, by candidate id, read from the placements: a placement's <c>start</c> is the day the person
/// left the bijstand for that job, so a candidate with an active placement is not free, unless the job is small
/// (aanvullende bijstand). Shortlists name it as a gap and leave such people out only when asked
/// (<c>ShortlistFilters.ExcludeWorking</c>). Immutable.
/// </summary>
public sealed class CurrentJobs
{
    private readonly Dictionary<string, CurrentJob> _byCandidate;

    private CurrentJobs(Dictionary<string, CurrentJob> byCandidate)
    {
        _byCandidate = byCandidate;
        Holders = byCandidate.Keys.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Nobody known to be at work (a store without placements).</summary>
    public static CurrentJobs None { get; } = new(new Dictionary<string, CurrentJob>(StringComparer.Ordinal));

    /// <summary>The work of every candidate with an active placement among <paramref name="placements"/> on <paramref name="day"/>.</summary>
    public static CurrentJobs On(IEnumerable<Placement> placements, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(placements);
        var byCandidate = new Dictionary<string, CurrentJob>(StringComparer.Ordinal);
        foreach (var p in placements.Where(p => HerinstroomDataset.IsActive(p, day)))
        {
            byCandidate[p.CandidateId] = byCandidate.TryGetValue(p.CandidateId, out var job)
                ? new CurrentJob(p.Start < job.Since ? p.Start : job.Since, job.HoursPerWeek + p.HoursPerWeek, job.Jobs + 1)
                : new CurrentJob(p.Start, p.HoursPerWeek, 1);
        }
        return byCandidate.Count == 0 ? None : new CurrentJobs(byCandidate);
    }

    /// <summary>Number of candidates at work.</summary>
    public int Count => _byCandidate.Count;

    /// <summary>The ids of the candidates holding a job: what <c>exclude_working</c> leaves out of retrieval.</summary>
    public IReadOnlySet<string> Holders { get; }

    /// <summary>The candidate's work, or null when they have no active placement.</summary>
    public CurrentJob? Of(string candidateId) => _byCandidate.GetValueOrDefault(candidateId);
}
