using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Carving;

/// <summary>
/// Carves roles out of the task breakdowns of one employer's vacancies: the tasks a worker can perform
/// (see <see cref="TaskFit"/>), pooled across vacancies, selected exactly (<see cref="HoursKnapsack"/>)
/// so the role's hours fall within the worker's hours and are at least 12. Tasks the worker already
/// masters count fully; tasks that need a short route count slightly less, so a role that needs no
/// training wins a tie. Up to <c>maxRoles</c> disjoint roles are proposed. Stateless and thread-safe.
/// </summary>
public static class JobCarver
{
    private const double NeedsRouteWeight = 0.85;

    /// <summary>Carves roles from <paramref name="vacancies"/> (all of <paramref name="employer"/>) for <paramref name="worker"/>.</summary>
    public static CarvingOutcome Carve(Employer employer, IReadOnlyList<Vacancy> vacancies, WorkerProfile worker, int maxRoles = 3)
    {
        var withTasks = vacancies.Where(v => v.EmployerId == employer.Id && v.Tasks.Count > 0).ToArray();
        if (withTasks.Length == 0)
        {
            var which = vacancies.Count == 1 ? $"vacature {vacancies[0].Id} heeft" : $"vacatures {Dutch.List(vacancies.Select(v => v.Id))} hebben";
            throw new PreconditionFailedException(
                $"jobcarving heeft een takenlijst nodig, en {which} die niet: vul `tasks` met per taak " +
                "`id`, `name`, `skills`, `complexity` (1–5), `physical_load` (low/medium/high) en `hours_per_week`");
        }

        var feasible = new List<(Vacancy Vacancy, VacancyTask Task, TaskFit Fit)>();
        var excluded = new List<ExcludedTask>();
        foreach (var v in withTasks)
        {
            foreach (var t in v.Tasks)
            {
                var fit = TaskFit.Of(t, v, worker);
                if (fit.Feasible) feasible.Add((v, t, fit));
                else excluded.Add(new ExcludedTask(v.Id, t.Id, t.Name, fit.Reason!));
            }
        }

        var roles = new List<CarvedRole>();
        var pool = feasible.ToList();
        while (roles.Count < maxRoles && pool.Count > 0)
        {
            var items = pool.Select(p => (p.Task.HoursPerWeek, Value(p.Task, p.Fit))).ToArray();
            var chosen = HoursKnapsack.Select(items, worker.HoursMin, worker.HoursMax);
            if (chosen.Count == 0) break;
            var picked = chosen.Select(i => pool[i]).ToArray();
            roles.Add(BuildRole(employer, withTasks, picked, worker));
            pool = pool.Except(picked).ToList();
        }

        return new CarvingOutcome(employer.Id, roles, excluded, Explain(roles, feasible, worker));
    }

    /// <summary>
    /// <paramref name="role"/> carved again from its own tasks for <paramref name="worker"/>: the tasks the worker can do,
    /// selected so the hours fall within the worker's hours, worked in the shifts the worker can work. Null when the
    /// role's tasks do not allow that (too few hours left, or no task in a shift the worker can work).
    /// </summary>
    public static CarvedRole? FitTo(CarvedRole role, Employer employer, IReadOnlyList<Vacancy> vacancies, WorkerProfile worker)
    {
        ArgumentNullException.ThrowIfNull(role);
        var own = role.Tasks.Select(t => (t.VacancyId, t.TaskId)).ToHashSet();
        var narrowed = vacancies.Where(v => v.EmployerId == employer.Id)
            .Select(v => v with { Tasks = v.Tasks.Where(t => own.Contains((v.Id, t.Id))).ToArray() })
            .Where(v => v.Tasks.Count > 0).ToArray();
        if (narrowed.Length == 0) return null;
        var fitted = Carve(employer, narrowed, worker, maxRoles: 1).Roles;
        return fitted.Count == 0 ? null : fitted[0] with { Title = role.Title };
    }

    private static double Value(VacancyTask task, TaskFit fit) =>
        task.HoursPerWeek * (fit.LearnBy is null ? 1.0 : NeedsRouteWeight) - task.Complexity * 1e-3;

    private static CarvedRole BuildRole(Employer employer, IReadOnlyList<Vacancy> vacancies,
        IReadOnlyList<(Vacancy Vacancy, VacancyTask Task, TaskFit Fit)> picked, WorkerProfile worker)
    {
        var tasks = picked.Select(p => new CarvedTask(p.Vacancy.Id, p.Task.Id, p.Task.Name, p.Task.HoursPerWeek, p.Task.Complexity,
            p.Task.PhysicalLoad, p.Task.Skills, p.Fit.LearnBy)).ToArray();
        var remaining = vacancies
            .Select(v => new RemainingVacancy(v.Id, v.Title, v.HoursMax, tasks.Where(t => t.VacancyId == v.Id).Sum(t => t.HoursPerWeek)))
            .Where(r => r.CarvedHours > 0).ToArray();
        var shifts = picked.SelectMany(p => p.Vacancy.Shifts).Where(worker.Shifts.Contains).Distinct().Order().ToArray();
        return new CarvedRole(employer.Id, RoleTitles.For(employer.Sector, picked[0].Vacancy.Sector), tasks, remaining, shifts, worker.CandidateId);
    }

    private static string Explain(IReadOnlyList<CarvedRole> roles, IReadOnlyList<(Vacancy Vacancy, VacancyTask Task, TaskFit Fit)> feasible, WorkerProfile worker)
    {
        if (roles.Count > 0)
        {
            var first = roles[0];
            return $"{Dutch.Count(roles.Count, "rol", "rollen")} mogelijk; de beste: {first.Title}, {Dutch.Hours(first.HoursPerWeek)} uit " +
                   $"{Dutch.Count(first.Tasks.Count, "taak", "taken")} van {Dutch.Count(first.Remaining.Count, "vacature", "vacatures")}";
        }
        var hours = feasible.Sum(f => f.Task.HoursPerWeek);
        return feasible.Count == 0
            ? "geen enkele taak past: zie de uitgesloten taken voor de reden per taak"
            : $"geen rol mogelijk: de passende taken tellen op tot {Dutch.Hours(hours)}, nodig is {Dutch.Number(worker.HoursMin)}–{Dutch.Hours(worker.HoursMax)}";
    }
}
