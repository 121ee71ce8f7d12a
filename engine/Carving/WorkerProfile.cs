using MatchEngine.Engine.Domain;
using MatchEngine.Engine.LabelResolution;

namespace MatchEngine.Engine.Carving;

/// <summary>
/// What a worker can take on, as carving sees it: the task complexity their education and experience
/// support, physical capacity, shifts, hours, skills held and skills learnable by a short route.
/// Either one candidate's, or the generic profile of "someone with a distance to the labour market".
/// </summary>
public sealed record WorkerProfile(
    string? CandidateId,
    int MaxComplexity,
    Load Capacity,
    IReadOnlySet<Shift> Shifts,
    double HoursMin,
    double HoursMax,
    IReadOnlySet<string> SkillKeys,
    IReadOnlyDictionary<string, LeerwerkRoute> LearnableSkills,
    bool LearnsAnySkillOnTheJob)
{
    /// <summary>A carved role is a job: at least this many hours per week.</summary>
    public const double MinimumRoleHours = 12;

    /// <summary>Routes of at most this many weeks count as "short" for learning a task's skill.</summary>
    public const int ShortRouteWeeks = 12;

    /// <summary>
    /// The generic profile used when no candidate is given: simple tasks (complexity ≤ 2) that are
    /// taught on the job, medium load, any shift, 12–32 hours.
    /// </summary>
    public static WorkerProfile Generic { get; } = new(null, 2, Load.Medium, Enum.GetValues<Shift>().ToHashSet(),
        MinimumRoleHours, 32, new HashSet<string>(), new Dictionary<string, LeerwerkRoute>(), LearnsAnySkillOnTheJob: true);

    /// <summary>
    /// The <see cref="Generic"/> profile narrowed to <paramref name="candidate"/>'s hours (at least
    /// <see cref="MinimumRoleHours"/>), shifts and physical capacity: the tasks stay the simple ones taught on the job,
    /// as in a role proposed for anyone, so a role carved for anyone can be carved again to fit this person.
    /// </summary>
    public static WorkerProfile GenericFor(Candidate candidate) => Generic with
    {
        CandidateId = candidate.Id,
        Capacity = candidate.PhysicalCapacity < Generic.Capacity ? candidate.PhysicalCapacity : Generic.Capacity,
        Shifts = candidate.ShiftsOk.ToHashSet(),
        HoursMin = Math.Max(candidate.HoursMin, MinimumRoleHours),
        HoursMax = candidate.HoursMax,
    };

    /// <summary>The profile of <paramref name="candidate"/>, with the short routes in <paramref name="routes"/> whose prerequisites they meet.</summary>
    public static WorkerProfile Of(Candidate candidate, IEnumerable<LeerwerkRoute> routes)
    {
        var learnable = new Dictionary<string, LeerwerkRoute>(StringComparer.Ordinal);
        foreach (var route in routes.Where(r => r.Weeks <= ShortRouteWeeks && r.RequiresDutchMin <= candidate.Dutch && r.RequiresEducationMin <= candidate.Education)
                     .OrderBy(r => r.Weeks).ThenBy(r => r.CostEur))
        {
            foreach (var skill in route.TeachesSkills) learnable.TryAdd(Labels.Key(skill), route);
        }
        return new WorkerProfile(candidate.Id, SupportedComplexity(candidate), candidate.PhysicalCapacity, candidate.ShiftsOk.ToHashSet(),
            Math.Max(candidate.HoursMin, MinimumRoleHours), candidate.HoursMax, Domain.Labels.Keys(ComparedLabels.Skills(candidate)), learnable, LearnsAnySkillOnTheJob: false);
    }

    /// <summary>
    /// Task complexity (1–5) that education supports: none/vo/mbo1 → 2, mbo2 → 3, mbo3 → 4, mbo4 and up → 5;
    /// two or more years of relevant work experience add one step.
    /// </summary>
    public static int SupportedComplexity(Candidate candidate)
    {
        var byEducation = candidate.Education switch
        {
            <= EducationLevel.Mbo1 => 2,
            EducationLevel.Mbo2 => 3,
            EducationLevel.Mbo3 => 4,
            _ => 5,
        };
        var experienced = candidate.Experience.Sum(e => e.Years) >= 2 ? 1 : 0;
        return Math.Min(5, byEducation + experienced);
    }
}
