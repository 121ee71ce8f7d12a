using System.Text.Json;
using MatchEngine.Engine.Access;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Leerwerk;

namespace MatchEngine.Training.Cli;

/// <summary>
/// <c>matchengine ready --vacancies ID[,ID…] [--months N] [--top N] [--region R] --json</c>: the recruitment drive's question "who
/// could be ready for these vacancies within N months, and by which route?" (<c>Development.ReadyWithin</c>), printed as
/// <c>{"months":…,"candidates":[{"candidate_id":…,"vacancy_id":…,"current_job":…,"total_weeks":…,"total_cost_eur":…,"success_probability":…,"steps":[…]}]}</c>
/// (<c>current_job</c>: null, or "werkt sinds …" when the candidate holds a job on the data's date).
/// </summary>
public sealed class ReadyCommand : ICommand
{
    public string Verb => "ready";
    public string Usage => "ready --vacancies ID[,ID…] [--months N] [--top N] [--region R] --json";
    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "json" };

    public async Task<int> RunAsync(CliArgs args, CliContext context, CancellationToken cancellationToken)
    {
        var vacancies = args.Require("vacancies").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (vacancies.Length is 0 or > LeerwerkService.MaxReadyVacancies)
            throw new CliUsageException($"vacancies: geef 1–{LeerwerkService.MaxReadyVacancies} vacatures, niet {Dutch.Whole(vacancies.Length)}");
        var months = args.GetInt("months", MaatwerkReads.DefaultReadyMonths);
        using var session = MatchingSession.Open(context);
        var region = args.Get("region");
        var ready = await session.RunAsync(() => session.Maatwerk().ReadyWithinAsync(session.Scope(Verb), vacancies, months,
            args.GetInt("top", MaatwerkReads.DefaultReadyTop), region));
        context.Out.WriteLine(JsonSerializer.Serialize(new
        {
            months,
            candidates = ready.Select(r => new
            {
                candidate_id = r.CandidateId,
                vacancy_id = r.VacancyId,
                current_job = r.Job?.Gap,
                total_weeks = r.Path.TotalWeeks,
                total_cost_eur = r.Path.TotalCostEur,
                success_probability = r.SuccessProbability,
                steps = r.Path.Steps.Select((s, i) => new { order = i + 1, route_id = s.Id, s.Name, s.Weeks, s.CostEur, s.WithWorkPlacement }),
            }),
        }, CliJson.Options));
        return ExitCodes.Ok;
    }
}
