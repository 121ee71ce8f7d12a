namespace MatchEngine.Engine.Carving;

/// <summary>A task that could not go into a role for this worker, and why.</summary>
public sealed record ExcludedTask(string VacancyId, string TaskId, string Name, string Reason);

/// <summary>
/// The carving proposals for one employer (best first) and, when none was possible or tasks were left
/// out, why: <see cref="Explanation"/> says it in Dutch.
/// </summary>
public sealed record CarvingOutcome(string EmployerId, IReadOnlyList<CarvedRole> Roles, IReadOnlyList<ExcludedTask> Excluded, string Explanation);
