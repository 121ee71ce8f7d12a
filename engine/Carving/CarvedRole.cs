using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Carving;

/// <summary>One task taken into a carved role, with the route that teaches its missing skills (null when none needed).</summary>
public sealed record CarvedTask(string VacancyId, string TaskId, string Name, double HoursPerWeek, int Complexity, Load PhysicalLoad,
    IReadOnlyList<string> Skills, LeerwerkRoute? LearnBy);

/// <summary>What remains of an original vacancy after carving: the hours left for skilled staff.</summary>
public sealed record RemainingVacancy(string VacancyId, string Title, double OriginalHours, double CarvedHours)
{
    /// <summary>Hours per week still asked of the skilled professional.</summary>
    public double RemainingHours => Math.Max(0, OriginalHours - CarvedHours);
}

/// <summary>
/// A role carved from the tasks of one employer's vacancies: the tasks, the hours, the shifts and the
/// requirements it asks, and what remains of each original vacancy.
/// </summary>
public sealed record CarvedRole(
    string EmployerId,
    string Title,
    IReadOnlyList<CarvedTask> Tasks,
    IReadOnlyList<RemainingVacancy> Remaining,
    IReadOnlyList<Shift> Shifts,
    string? ForCandidateId)
{
    /// <summary>Total hours per week of the role.</summary>
    public double HoursPerWeek => Tasks.Sum(t => t.HoursPerWeek);

    /// <summary>Highest task complexity in the role.</summary>
    public int MaxComplexity => Tasks.Max(t => t.Complexity);

    /// <summary>Heaviest physical load in the role.</summary>
    public Load PhysicalLoad => Tasks.Max(t => t.PhysicalLoad);

    /// <summary>The skills the role's tasks use.</summary>
    public IReadOnlyList<string> Skills => Tasks.SelectMany(t => t.Skills).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

    /// <summary>Routes to follow before or during the role.</summary>
    public IReadOnlyList<LeerwerkRoute> Routes => Tasks.Where(t => t.LearnBy is not null).Select(t => t.LearnBy!).DistinctBy(r => r.Id).ToArray();
}
