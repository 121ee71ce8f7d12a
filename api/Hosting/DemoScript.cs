using Grpc.Net.Client;
using MatchEngine.Api.V1;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Index;

namespace MatchEngine.Api.Hosting;

/// <summary>The calls the demo makes as its users would, printed for a newcomer to read.</summary>
internal static class DemoScript
{
    public static async Task RunAsync(GrpcChannel channel, CatalogService catalog, DateOnly today)
    {
        var match = new V1.Match.MatchClient(channel);
        var development = new V1.Development.DevelopmentClient(channel);

        var logistics = catalog.Index.Search(new VacancyQuery { Text = "magazijnmedewerker", Sector = "logistiek", OpenOn = today, Top = 20 }).Select(h => h.Id).ToArray();
        var vacancyId = logistics.FirstOrDefault() ?? catalog.Index.Search(new VacancyQuery { OpenOn = today, Top = 1 }).First().Id;
        var vacancy = catalog.Store.GetVacancy(vacancyId)!;
        Console.WriteLine();
        Console.WriteLine($"== WSP accountmanager: who fits vacancy {vacancy.Id} \"{vacancy.Title}\" at {catalog.Store.GetEmployer(vacancy.EmployerId)?.Name}? (Match.Shortlist)");
        var shortlist = await match.ShortlistAsync(new ShortlistRequest { VacancyId = vacancy.Id, Top = 5 });
        Console.WriteLine($"   model {shortlist.ModelVersion}, {shortlist.Retrieved} candidates passed retrieval");
        foreach (var c in shortlist.Candidates)
        {
            var chance = c.HasChance ? $"kans op uitnodiging {c.Chance * 100:0}%  " : "";
            Console.WriteLine($"   {c.Position}. {c.CandidateId}  {chance}(score {c.Score:0.00})");
            Console.WriteLine($"      + {string.Join("; ", c.Reasons)}");
            if (c.Gaps.Count > 0) Console.WriteLine($"      - {string.Join("; ", c.Gaps)}");
        }

        var careHome = catalog.Store.Employers().First(e => e.Name == "Verpleeghuis De Linde");
        Console.WriteLine();
        Console.WriteLine($"== Nobody fits as written: jobcarving at {careHome.Name} (Development.CarveJobs)");
        var carving = await development.CarveJobsAsync(new CarveJobsRequest { EmployerId = careHome.Id, CandidatesPerRole = 3 });
        Console.WriteLine($"   {carving.Explanation}");
        foreach (var role in carving.Roles.Take(1))
        {
            Console.WriteLine($"   {role.Title}, {role.HoursPerWeek:0.#} h/week: {string.Join(", ", role.Tasks.GroupBy(t => t.Name).Select(g => $"{g.Key} ({g.Sum(t => t.HoursPerWeek):0.#} h)"))}");
            foreach (var r in role.Remaining) Console.WriteLine($"   {r.VacancyId} {r.Title}: {r.OriginalHours:0.#} h → {r.RemainingHours:0.#} h left for the skilled professional");
            foreach (var c in role.Candidates) Console.WriteLine($"   candidate {c.CandidateId} ({c.Score:0.00}): {string.Join("; ", c.Reasons)}");
        }

        var certified = catalog.Index.Search(new VacancyQuery { Text = "heftruckchauffeur", OpenOn = today, Top = 5 }).Select(h => catalog.Store.GetVacancy(h.Id)!)
            .FirstOrDefault(v => v.CertificatesRequired.Count > 0) ?? vacancy;
        foreach (var c in (await match.ShortlistAsync(new ShortlistRequest { VacancyId = certified.Id, Top = 20 })).Candidates)
        {
            var routes = await development.LeerwerkRoutesAsync(new LeerwerkRoutesRequest { CandidateId = c.CandidateId, VacancyId = certified.Id });
            if (routes.Steps.Count == 0) continue;
            Console.WriteLine();
            Console.WriteLine($"== Or develop the candidate: leerwerk routes for {c.CandidateId} toward {certified.Id} \"{certified.Title}\" (Development.LeerwerkRoutes)");
            Console.WriteLine($"   gaps: {string.Join("; ", routes.Gaps)}");
            foreach (var s in routes.Steps) Console.WriteLine($"   {s.Order}. {s.Name} ({s.Provider}), {s.Weeks} weeks, €{s.CostEur:0}{(s.WithWorkPlacement ? ", on the job" : "")}");
            Console.WriteLine($"   total {routes.TotalWeeks} weeks, €{routes.TotalCostEur:0}; closes every gap: {(routes.ClosesAllGaps ? "yes" : "no: " + string.Join("; ", routes.UnclosableGaps))}");
            if (routes.HasSuccessProbability) Console.WriteLine($"   chance to complete it and still work a year later: {routes.SuccessProbability:P0}");
            break;
        }

        Console.WriteLine();
        Console.WriteLine($"== Recruitment drive: who could be ready for {logistics.Length} logistics jobs within 6 months? (Development.ReadyWithin)");
        var ready = await development.ReadyWithinAsync(new ReadyWithinRequest { VacancyIds = { logistics }, Months = 6, Top = 1000 });
        var now = ready.Candidates.Where(r => r.Steps.Count == 0).ToArray();
        var after = ready.Candidates.Where(r => r.Steps.Count > 0).ToArray();
        Console.WriteLine($"   {now.Length} ready now, {after.Length} ready after a route; the first who need one:");
        foreach (var r in after.Take(5))
            Console.WriteLine($"   {r.CandidateId} for {r.VacancyId}: {string.Join(" → ", r.Steps.Select(s => s.Name))} ({r.TotalWeeks} weeks, €{r.TotalCostEur:0}{(r.HasSuccessProbability ? $", success {r.SuccessProbability:P0}" : "")})");

        var risk = new V1.Risk.RiskClient(channel);
        Console.WriteLine();
        Console.WriteLine($"== Jobcoach: nazorg worklist for region GV, as of {today:yyyy-MM-dd}, capacity 5 (Risk.NazorgWorklist)");
        var worklist = await risk.NazorgWorklistAsync(new NazorgWorklistRequest { Region = "GV", AsOf = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Capacity = 5 });
        foreach (var e in worklist.Entries)
        {
            var marks = (e.HasJobcoach ? " [has jobcoach]" : "") + (e.RouteRunning ? " [route running]" : "");
            Console.WriteLine($"   {e.PlacementId} ({e.CandidateId}), {e.MonthsSinceStart:0} months in: {e.Risk6MConditional:P0} chance of herinstroom in the next 6 months{marks}");
            Console.WriteLine($"      {string.Join("; ", e.Factors.Select(f => f.Text))}");
        }
    }
}
