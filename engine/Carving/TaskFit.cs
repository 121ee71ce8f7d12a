using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Carving;

/// <summary>Whether a worker can perform one task, and if not, why (in Dutch, for the proposal's explanation).</summary>
public sealed record TaskFit(bool Feasible, string? Reason, LeerwerkRoute? LearnBy, IReadOnlyList<string> SkillsToLearn)
{
    /// <summary>Checks <paramref name="task"/> of <paramref name="vacancy"/> against <paramref name="worker"/>.</summary>
    public static TaskFit Of(VacancyTask task, Vacancy vacancy, WorkerProfile worker)
    {
        if (task.Complexity > worker.MaxComplexity) return No($"complexiteit {task.Complexity} boven {worker.MaxComplexity}");
        if (task.PhysicalLoad > worker.Capacity) return No("fysieke belasting te hoog");
        if (!vacancy.Shifts.Any(worker.Shifts.Contains)) return No("diensten passen niet");
        var missing = task.Skills.Where(s => !worker.SkillKeys.Contains(Labels.Key(s))).ToArray();
        if (missing.Length == 0 || worker.LearnsAnySkillOnTheJob) return new TaskFit(true, null, null, missing);
        LeerwerkRoute? route = null;
        foreach (var skill in missing)
        {
            if (!worker.LearnableSkills.TryGetValue(Labels.Key(skill), out var r)) return No($"mist {skill} en geen korte route leert het");
            route ??= r;
        }
        return new TaskFit(true, null, route, missing);

        static TaskFit No(string reason) => new(false, reason, null, []);
    }
}
