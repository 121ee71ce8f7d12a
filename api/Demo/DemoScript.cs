using System.Globalization;
using MatchEngine.Engine.Access;
using Grpc.Net.Client;
using MatchEngine.Api.V1;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Index;

namespace MatchEngine.Api.Demo;

/// <summary>
/// The calls the demo makes as its users would, printed in Dutch for a newcomer to read: a heading per user and question,
/// with the gRPC methods it calls by their names, then the answers as a user of the region reads them (reasons, gaps,
/// routes, risks, euros, dates).
/// </summary>
internal static class DemoScript
{
    public static async Task RunAsync(GrpcChannel channel, GrpcChannel makelaar, CatalogService catalog, DateOnly today)
    {
        var match = new V1.Match.MatchClient(channel);
        var development = new V1.Development.DevelopmentClient(channel);
        var day = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var logistics = catalog.Index.Search(new VacancyQuery { Text = "magazijnmedewerker", Sector = "logistiek", OpenOn = today, Top = 20 }).Select(h => h.Id).ToArray();
        var vacancyId = logistics.FirstOrDefault() ?? catalog.Index.Search(new VacancyQuery { OpenOn = today, Top = 1 }).First().Id;
        var vacancy = catalog.Store.GetVacancy(vacancyId)!;
        Console.WriteLine();
        Console.WriteLine($"== WSP-accountmanager: wie past bij vacature {vacancy.Id} \"{vacancy.Title}\" van {catalog.Store.GetEmployer(vacancy.EmployerId)?.Name}? (Match.Shortlist)");
        var shortlist = await match.ShortlistAsync(new ShortlistRequest { VacancyId = vacancy.Id, Top = 10 });
        Console.WriteLine($"   model {shortlist.ModelVersion}; {Dutch.Count(shortlist.Retrieved, "kandidaat", "kandidaten")} door de voorselectie");
        if (shortlist.Notice.Length > 0) Console.WriteLine($"   let op: {shortlist.Notice}");
        foreach (var c in shortlist.Candidates)
        {
            var chance = c.HasChance ? $"kans op uitnodiging {c.Chance * 100:0}%  " : "";
            Console.WriteLine($"   {c.Position}. {c.CandidateId}  {chance}(score {Dutch.Decimals(c.Score, 2)})");
            Console.WriteLine($"      + {string.Join("; ", c.Reasons)}");
            if (c.Gaps.Count > 0) Console.WriteLine($"      - {string.Join("; ", c.Gaps)}");
        }
        var free = await match.ShortlistAsync(new ShortlistRequest { VacancyId = vacancy.Id, Top = 10, Filters = new ShortlistFilters { ExcludeWorking = true } });
        var working = shortlist.Candidates.Count(c => !free.Candidates.Any(f => f.CandidateId == c.CandidateId));
        if (working > 0)
            Console.WriteLine($"   {working} van de {shortlist.Candidates.Count} werken al; zonder wie al werkt (filters.exclude_working): "
                + string.Join(", ", free.Candidates.Select(c => c.CandidateId)));

        var careHome = catalog.Store.Employers().First(e => e.Name == "Verpleeghuis De Linde");
        Console.WriteLine();
        Console.WriteLine($"== Niemand past op de vacatures zoals ze er staan: jobcarving bij {careHome.Name} (Development.CarveJobs)");
        CarveJobsResponse carving;
        try
        {
            carving = await development.CarveJobsAsync(new CarveJobsRequest { EmployerId = careHome.Id, CandidatesPerRole = 3, AsOf = day });
        }
        catch (global::Grpc.Core.RpcException e) when (e.StatusCode == global::Grpc.Core.StatusCode.FailedPrecondition)
        {
            // On an --as-of when the care home has no open vacancies there is nothing to carve; the server says so in Dutch.
            carving = new CarveJobsResponse { Explanation = e.Status.Detail };
        }
        Console.WriteLine($"   {carving.Explanation}");
        foreach (var role in carving.Roles.Take(1))
        {
            var tasks = role.Tasks.GroupBy(t => t.Name).Select(g => $"{g.Key} ({Dutch.Hours(g.Sum(t => t.HoursPerWeek))})");
            Console.WriteLine($"   {role.Title}, {Dutch.Hours(role.HoursPerWeek)} per week: {string.Join(", ", tasks)}");
            foreach (var r in role.Remaining) Console.WriteLine($"   {r.VacancyId} {r.Title}: {Dutch.Hours(r.OriginalHours)} → {Dutch.Hours(r.RemainingHours)} over voor de vakkracht");
            foreach (var c in role.Candidates) Console.WriteLine($"   kandidaat {c.CandidateId} ({Dutch.Decimals(c.Score, 2)}): {string.Join("; ", c.Reasons)}");
        }

        var certified = catalog.Index.Search(new VacancyQuery { Text = "heftruckchauffeur", OpenOn = today, Top = 5 }).Select(h => catalog.Store.GetVacancy(h.Id)!)
            .FirstOrDefault(v => v.CertificatesRequired.Count > 0) ?? vacancy;
        foreach (var c in (await match.ShortlistAsync(new ShortlistRequest { VacancyId = certified.Id, Top = 20 })).Candidates)
        {
            var routes = await development.LeerwerkRoutesAsync(new LeerwerkRoutesRequest { CandidateId = c.CandidateId, VacancyId = certified.Id });
            if (routes.Steps.Count == 0) continue;
            Console.WriteLine();
            Console.WriteLine($"== Of ontwikkel de kandidaat: leerwerkroute voor {c.CandidateId} naar vacature {certified.Id} \"{certified.Title}\" (Development.LeerwerkRoutes)");
            Console.WriteLine($"   gaten: {string.Join("; ", routes.Gaps)}");
            foreach (var s in routes.Steps)
                Console.WriteLine($"   {s.Order}. {s.Name} ({s.Provider}), {Dutch.Weeks(s.Weeks)}, {Euro(s.CostEur)}{(s.WithWorkPlacement ? ", op de werkplek" : "")}");
            var closes = routes.ClosesAllGaps ? "ja" : "nee, niet: " + string.Join("; ", routes.UnclosableGaps);
            Console.WriteLine($"   totaal {Dutch.Weeks(routes.TotalWeeks)}, {Euro(routes.TotalCostEur)}; dicht elk gat: {closes}");
            if (routes.HasSuccessProbability) Console.WriteLine($"   kans dat de route wordt afgerond en de kandidaat een jaar later nog werkt: {Dutch.Percent(routes.SuccessProbability)}");
            break;
        }

        await WhatHelpsAsync(development, match, certified, day);

        Console.WriteLine();
        Console.WriteLine($"== Wervingsactie: wie kan binnen 6 maanden klaar zijn voor {Dutch.Count(logistics.Length, "vacature", "vacatures")} in de logistiek? " +
                          "(Development.ReadyWithin)");
        var ready = await development.ReadyWithinAsync(new ReadyWithinRequest { VacancyIds = { logistics }, Months = 6, Top = 1000 });
        var now = ready.Candidates.Where(r => r.Steps.Count == 0).ToArray();
        var after = ready.Candidates.Where(r => r.Steps.Count > 0).ToArray();
        static string Working(V1.ReadyCandidate[] list) => $"waarvan {Dutch.Whole(list.Count(r => r.CurrentJob.Length > 0))} met een baan";
        Console.WriteLine($"   {Dutch.Whole(now.Length)} nu klaar ({Working(now)}), {Dutch.Whole(after.Length)} klaar na een route ({Working(after)}); "
            + "de eersten die er een nodig hebben:");
        foreach (var r in after.Take(5))
        {
            var success = r.HasSuccessProbability ? $", kans op succes {Dutch.Percent(r.SuccessProbability)}" : "";
            Console.WriteLine($"   {r.CandidateId} voor {r.VacancyId}: {string.Join(" → ", r.Steps.Select(s => s.Name))} ({Dutch.Weeks(r.TotalWeeks)}, {Euro(r.TotalCostEur)}{success})");
        }

        var risk = new V1.Risk.RiskClient(channel);
        Console.WriteLine();
        Console.WriteLine($"== Jobcoach: nazorgwerklijst voor regio GV, stand op {Dutch.Date(today)}, capaciteit 5 plaatsingen (Risk.NazorgWorklist)");
        var worklist = await risk.NazorgWorklistAsync(new NazorgWorklistRequest { Region = "GV", AsOf = day, Capacity = 5 });
        foreach (var e in worklist.Entries)
        {
            var marks = (e.HasJobcoach ? " [heeft jobcoach]" : "") + (e.RouteRunning ? " [route loopt]" : "");
            var tenure = e.MonthsSinceStart < 1 ? "minder dan 1 maand" : Dutch.Months((long)Math.Floor(e.MonthsSinceStart));
            var risk6 = Dutch.Percent(e.Risk6MConditional);
            Console.WriteLine($"   {e.PlacementId} ({e.CandidateId}), {tenure} in dienst bij {e.EmployerName}: {risk6} kans op herinstroom in de komende 6 maanden{marks}");
            Console.WriteLine($"      {string.Join("; ", e.Factors.Select(f => f.Text))}");
        }

        await SroiAsync(new V1.Sroi.SroiClient(makelaar), today, day);
    }

    /// <summary>"Wat helpt?" for the first candidate further down the shortlist whom a step would move up, and that candidate's development plan.</summary>
    private static async Task WhatHelpsAsync(V1.Development.DevelopmentClient development, V1.Match.MatchClient match, Engine.Domain.Vacancy vacancy, string day)
    {
        foreach (var c in (await match.ShortlistAsync(new ShortlistRequest { VacancyId = vacancy.Id, Top = 40 })).Candidates.Skip(10))
        {
            var advice = await development.WhatHelpsAsync(new WhatHelpsRequest { CandidateId = c.CandidateId, VacancyId = vacancy.Id });
            if (advice.Steps.Count == 0) continue;
            Console.WriteLine();
            Console.WriteLine($"== Wat helpt? {c.CandidateId} voor vacature {vacancy.Id} \"{vacancy.Title}\" (Development.WhatHelps, Development.DevelopmentPlan)");
            Console.WriteLine($"   nu: plaats {advice.Before.Place} van {Dutch.Whole(advice.Before.PoolSize)}{Chance(advice.Before)}");
            foreach (var s in advice.Steps.Take(3))
            {
                var success = s.HasRouteSuccess ? $", kans dat de route slaagt {Dutch.Percent(s.RouteSuccess)}" : "";
                Console.WriteLine($"   {s.Label}: plaats {s.After.Place}{Chance(s.After)}, {Dutch.Weeks(s.Weeks)}, {Euro(s.CostEur)}{success}");
            }
            var plan = await development.DevelopmentPlanAsync(new DevelopmentPlanRequest { CandidateId = c.CandidateId, AsOf = day });
            Console.WriteLine($"   over de regio: {plan.Summary} (van {Dutch.Whole(plan.VacanciesConsidered)} open {(plan.VacanciesConsidered == 1 ? "vacature" : "vacatures")} binnen bereik)");
            Console.WriteLine($"   {advice.Caveat}");
            return;
        }
    }

    private static string Chance(V1.Standing s) => s.HasChance ? $", kans op uitnodiging {Dutch.Percent(s.Chance)}" : "";

    /// <summary>The SROI-makelaar's view: the contracts with the most euros at risk, then one contract's progress and what would fill its gap.</summary>
    private static async Task SroiAsync(V1.Sroi.SroiClient sroi, DateOnly today, string day)
    {
        Console.WriteLine();
        Console.WriteLine($"== SROI-makelaar: welke contracten hebben plaatsingen het hardst nodig? Stand op {Dutch.Date(today)} (Sroi.Worklist)");
        var worklist = await sroi.WorklistAsync(new WorklistRequest { AsOf = day });
        foreach (var e in worklist.Contracts.Take(3))
        {
            var p = e.Progress;
            Console.WriteLine($"   {e.Position}. {p.ContractId} ({p.EmployerId}) \"{p.Description}\": verplichting {Euro(p.ObligationEur)}, gerealiseerd {Euro(p.RealisedEur)}, " +
                $"open {Euro(p.OpenEur)}{(p.AtRisk ? $", in gevaar {Euro(p.AtRiskEur)}" : "")}");
        }
        if (worklist.Contracts.Count == 0)
        {
            Console.WriteLine("   geen lopende contracten");
            return;
        }

        var contractId = worklist.Contracts[0].Progress.ContractId;
        Console.WriteLine();
        Console.WriteLine($"== SROI-makelaar: contract {contractId}, de plaatsingen die meetellen en wat het gat zou dichten (Sroi.ContractProgress, Sroi.FindPlacements)");
        var progress = await sroi.ContractProgressAsync(new ContractProgressRequest { ContractId = contractId, AsOf = day });
        Console.WriteLine($"   looptijd {Day(progress.Start)} t/m {Day(progress.End)}: {Dutch.Count(progress.ElapsedDays, "dag", "dagen")} verstreken, " +
                          $"{Dutch.Count(progress.RemainingDays, "dag", "dagen")} te gaan; " +
            $"{Dutch.Count(progress.Placements.Count, "plaatsing telt", "plaatsingen tellen")} mee, samen {Euro(progress.RealisedEur)}");
        foreach (var c in progress.Placements.Take(3))
            Console.WriteLine($"   {c.PlacementId} ({RuleWords(c.Rule)}): {Day(c.CountedFrom)} t/m {Day(c.CountedTo)}, {Dutch.Number(c.Realised.HoursPerWeek)} uur per week, " +
                $"{Dutch.Count(c.Realised.Days, "dag", "dagen")} × {Euro(c.Realised.RatePerFteYearEur)} per fte-jaar = {Euro(c.Realised.ValueEur)}");
        var found = await sroi.FindPlacementsAsync(new FindPlacementsRequest { ContractId = contractId, AsOf = day, Top = 2 });
        Console.WriteLine($"   {found.Note}");
        foreach (var o in found.Opportunities)
        {
            Console.WriteLine($"   {o.Title} ({o.Id}), vanaf {Day(o.FillFrom)}: {Euro(o.Value.ValueEur)} als de plaatsing doorloopt, verwacht {Euro(o.ExpectedEur)}");
            foreach (var c in o.Candidates.Take(2)) Console.WriteLine($"      kandidaat {c.CandidateId} ({Dutch.Decimals(c.Score, 2)}): {string.Join("; ", c.Reasons)}");
        }
    }

    /// <summary>Why a placement counts toward a contract, in the console's words ("binnen de looptijd"); the rule's name when it is unknown.</summary>
    private static string RuleWords(string rule) => Vocabulary.TryParse<Engine.Sroi.AttributionRule>(rule, out var r) ? WebConsole.SroiWords.Rule(r) : rule;

    /// <summary>A date sent as YYYY-MM-DD, as Dutch readers write it ("1 juli 2025"); a dash when none is sent.</summary>
    private static string Day(string day) => day.Length == 0 ? "—" : Dutch.Date(Engine.RequestDates.Parse(day, nameof(day)));

    /// <summary>Euros sent as a two-decimal string (the SROI messages) or a number, in Dutch notation.</summary>
    private static string Euro(string amount) => Dutch.Euro(decimal.Parse(amount, NumberStyles.Number, CultureInfo.InvariantCulture));

    private static string Euro(double amount) => Dutch.Euro((decimal)amount);
}
