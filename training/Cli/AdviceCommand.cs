using System.Text.Json;
using MatchEngine.Engine.Advice;
using MatchEngine.Engine.Catalog;

namespace MatchEngine.Training.Cli;

/// <summary>
/// <c>matchengine advice --candidate ID [--vacancy ID] [--as-of DATE] --json</c>: "Wat helpt?". With a vacancy, which
/// attainable steps raise the candidate's chance and place for it; without, the development plan across the open
/// vacancies within twice their reach.
/// </summary>
public sealed class AdviceCommand : ICommand
{
    public string Verb => "advice";
    public string Usage => "advice --candidate ID [--vacancy ID] [--as-of YYYY-MM-DD] --json";
    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "json" };

    public async Task<int> RunAsync(CliArgs args, CliContext context, CancellationToken cancellationToken)
    {
        var candidate = args.Require("candidate");
        using var session = MatchingSession.Open(context);
        var reads = session.Advice();
        if (args.Get("vacancy") is { } vacancy)
        {
            if (args.Has("as-of")) throw new CliUsageException("--as-of hoort bij een ontwikkelplan; advies voor een vacature kent geen --as-of");
            var advice = await session.RunAsync(() => reads.WhatHelpsAsync(session.Scope(Verb), candidate, vacancy));
            context.Out.WriteLine(JsonSerializer.Serialize(new
            {
                advice.CandidateId, advice.VacancyId, advice.ModelVersion, before = Standing(advice.Before),
                steps = advice.Steps.Select(Effect), combinations = advice.Combinations.Select(Effect), advice.Caveat,
            }, CliJson.Options));
            return ExitCodes.Ok;
        }
        var asOf = DataDate.Resolve(args.GetDate("as-of"), session.Catalog.Store, context.Time);
        var plan = await session.RunAsync(() => reads.PlanAsync(session.Scope(Verb), candidate, asOf));
        context.Out.WriteLine(JsonSerializer.Serialize(new
        {
            plan.CandidateId, plan.ModelVersion, plan.AsOf, plan.VacanciesConsidered, plan.Summary, now = Option(plan.Now),
            single_steps = plan.SingleSteps.Select(Option), best_two_steps = plan.BestTwoSteps is { } two ? Option(two) : null, plan.Caveat,
        }, CliJson.Options));
        return ExitCodes.Ok;
    }

    private static object Standing(Standing s) => new { s.Chance, chance_text = s.Chance is { } c ? $"kans op uitnodiging {Engine.Domain.Dutch.Percent(c)}" : null, s.Score, s.Place, s.PoolSize };

    private static object Effect(StepsEffect e) => new
    {
        e.Label, route_ids = e.Steps.Select(s => s.Route?.Id).OfType<string>(), after = Standing(e.After), e.ChanceGain, e.ScoreGain, e.Weeks,
        e.CostEur, cost_text = Engine.Domain.Dutch.Euro(e.CostEur), route_success = e.Success,
    };

    private static object Option(PlanOption o) => new
    {
        o.Label, route_ids = o.Steps.Select(s => s.Route?.Id).OfType<string>(), o.TopTenVacancies, o.Weeks, o.CostEur, cost_text = Engine.Domain.Dutch.Euro(o.CostEur),
    };
}
