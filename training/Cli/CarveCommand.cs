using MatchEngine.Engine.Access;
using System.Text.Json;
using MatchEngine.Engine.Carving;
using MatchEngine.Engine.Leerwerk;

namespace MatchEngine.Training.Cli;

/// <summary><c>matchengine carve (--vacancy ID | --employer ID) [--candidate ID] [--as-of DATE] --json</c>: jobcarving proposals.</summary>
public sealed class CarveCommand : ICommand
{
    public string Verb => "carve";
    public string Usage => "carve (--vacancy ID | --employer ID) [--candidate ID] [--as-of YYYY-MM-DD] --json";
    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "json" };

    public async Task<int> RunAsync(CliArgs args, CliContext context, CancellationToken cancellationToken)
    {
        if (args.Has("vacancy") == args.Has("employer")) throw new CliUsageException("geef --vacancy of --employer (één van beide)");
        using var session = MatchingSession.Open(context);
        var proposal = await session.RunAsync(() => session.Maatwerk().CarveAsync(session.Scope(Verb), args.Get("vacancy"), args.Get("employer"), args.Get("candidate"),
            args.GetDate("as-of"), CarvingService.DefaultCandidatesPerRole));
        context.Out.WriteLine(JsonSerializer.Serialize(new
        {
            employer_id = proposal.Outcome.EmployerId,
            explanation = proposal.Outcome.Explanation,
            roles = proposal.Roles.Select(r => new
            {
                title = r.Role.Title,
                hours_per_week = r.Role.HoursPerWeek,
                shifts = r.Role.Shifts,
                tasks = Tasks(r.Role),
                remaining = r.Role.Remaining.Select(x => new { x.VacancyId, x.Title, x.OriginalHours, x.CarvedHours, x.RemainingHours }),
                // role: the role carved again to this candidate's hours, shifts and capacity (null when the proposed role is offered as is).
                candidates = r.Suggestions.Select(s => new
                {
                    s.Entry.CandidateId, s.Entry.Score, s.Entry.Reasons, s.Entry.Gaps,
                    role = s.Refitted ? new { hours_per_week = s.Role.HoursPerWeek, shifts = s.Role.Shifts, tasks = Tasks(s.Role) } : null,
                }),
            }),
            excluded = proposal.Outcome.Excluded,
        }, CliJson.Options));
        return ExitCodes.Ok;
    }

    private static IEnumerable<object> Tasks(CarvedRole role) =>
        role.Tasks.Select(t => new { t.VacancyId, t.TaskId, t.Name, t.HoursPerWeek, t.Complexity, t.PhysicalLoad, learn_by_route = t.LearnBy?.Id });
}

/// <summary><c>matchengine routes --candidate ID (--vacancy ID | --sector S) --json</c>: the route path that closes the candidate's gaps.</summary>
public sealed class RoutesCommand : ICommand
{
    public string Verb => "routes";
    public string Usage => "routes --candidate ID (--vacancy ID | --sector S) --json";
    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "json" };

    public async Task<int> RunAsync(CliArgs args, CliContext context, CancellationToken cancellationToken)
    {
        var candidate = args.Require("candidate");
        if (args.Has("vacancy") == args.Has("sector")) throw new CliUsageException("geef --vacancy of --sector (één van beide)");
        using var session = MatchingSession.Open(context);
        var advice = await session.RunAsync(() => session.Maatwerk().RoutesAsync(session.Scope(Verb), candidate, args.Get("vacancy"), args.Get("sector")));
        context.Out.WriteLine(JsonSerializer.Serialize(new
        {
            candidate_id = advice.CandidateId,
            vacancy_id = advice.VacancyId,
            gaps = advice.Gaps.Select(g => g.Describe()),
            closes_all_gaps = advice.Path.ClosesAll,
            unclosable_gaps = advice.Path.Unclosable.Select(g => g.Describe()),
            total_weeks = advice.Path.TotalWeeks,
            total_cost_eur = advice.Path.TotalCostEur,
            on_the_job_at_employer = advice.Path.OnTheJobAtEmployer,
            success_probability = advice.SuccessProbability,
            steps = advice.Path.Steps.Select((s, i) => new { order = i + 1, route_id = s.Id, s.Name, s.Provider, s.Kind, s.Weeks, s.CostEur, s.WithWorkPlacement }),
        }, CliJson.Options));
        return ExitCodes.Ok;
    }
}
