using System.Text.RegularExpressions;
using MatchEngine.Engine.Access;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Store;
using MatchEngine.Tests.Support;
using Microsoft.Playwright;

namespace MatchEngine.Tests.Console;

/// <summary>The accountmanager's working path in a real browser: vacancies, a shortlist with chances, reasons and gaps, an outcome recorded and audited.</summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class AccountmanagerPagesTests(ConsoleFixture console)
{
    private string Vacancy => console.Data.World.Vacancies.First(v => v.IsOpenOn(TrainedRegion.Today) && v.Sector == "logistiek").Id;

    [Fact]
    public async Task Shortlist_ClickUitgenodigd_RecordsTheOutcomeAndTheAuditTrailShowsIt()
    {
        var page = await console.SignInAsync("am-uitnodiging", Roles.Accountmanager, ConsoleFixture.Region);
        Assert.Equal("Start — MatchEngine", await page.TitleAsync());
        await ConsoleFixture.AssertAccessibleAsync(page);
        await console.ScreenshotAsync(page, "start");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Vacatures" }).ClickAsync();
        await ConsoleFixture.ArrivedAtAsync(page, $"{console.ConsoleAddress}/vacatures");
        var title = console.Data.World.Vacancies.First(v => v.Id == Vacancy).Title;
        await page.GetByLabel("Zoek in open vacatures").FillAsync(title);
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("q="));
        Assert.Matches(@"\d+ open vacatures? gevonden", await page.Locator("main").InnerTextAsync());
        await ConsoleFixture.AssertAccessibleAsync(page);
        await console.ScreenshotAsync(page, "vacatures");

        await page.GotoAsync($"{console.ConsoleAddress}/vacatures/{Vacancy}/shortlijst");
        var main = await page.Locator("main").InnerTextAsync();
        Assert.Matches(@"kans op uitnodiging \d{1,3}%", main);
        Assert.Contains("Waarom", main, StringComparison.Ordinal);
        Assert.Contains("Tekorten", main, StringComparison.Ordinal);
        await ConsoleFixture.AssertAccessibleAsync(page);
        await console.ScreenshotAsync(page, "shortlijst");

        var first = await page.Locator("tbody tr").First.GetAttributeAsync("data-candidate");
        Assert.False(string.IsNullOrEmpty(first));
        await page.GetByRole(AriaRole.Button, new() { Name = $"uitgenodigd: {first}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Uitkomst 'uitgenodigd' vastgelegd voor kandidaat {first}");
        using (var store = new SqliteCatalogStore(Path.Combine(console.DataDirectory, "store.db")))
            Assert.Contains(store.MatchEvents(), e => e.VacancyId == Vacancy && e.CandidateId == first && e.Stage == MatchStage.Invited && e.Position == 1);

        var admin = await console.SignInAsync("admin-privacy", Roles.Admin);
        await admin.GotoAsync($"{console.ConsoleAddress}/audit?kandidaat={first}");
        var row = admin.Locator("tbody tr", new() { HasText = AuditPurposes.Outcome("invited") });
        await Assertions.Expect(row.First).ToContainTextAsync("am-uitnodiging");
        await Assertions.Expect(row.First).ToContainTextAsync(Vacancy);
        await ConsoleFixture.AssertAccessibleAsync(admin);
        await console.ScreenshotAsync(admin, "audit");
    }

    [Fact]
    public async Task Shortlist_ClosedVacancy_SaysSoAboveTheList()
    {
        var world = console.Data.World;
        var closed = world.Vacancies.First(v => v.ClosesAt < TrainedRegion.Today.AddMonths(-1) && v.Sector == "logistiek" && v.Positions == 1
            && world.MatchEvents.Any(e => e.VacancyId == v.Id && e.Stage == MatchStage.Hired));
        var page = await console.SignInAsync("am-gesloten", Roles.Accountmanager, ConsoleFixture.Region);
        await page.GotoAsync($"{console.ConsoleAddress}/vacatures/{closed.Id}/shortlijst");
        Assert.Equal($"Let op: Deze vacature is op {Dutch.Date(closed.ClosesAt!.Value)} gesloten. Deze vacature is vervuld.",
            (await page.Locator(".let-op").InnerTextAsync()).Trim());
        Assert.True(await page.Locator("table tbody tr").CountAsync() > 0);
        await page.GotoAsync($"{console.ConsoleAddress}/vacatures/{Vacancy}/shortlijst");
        Assert.Equal(0, await page.Locator(".let-op").CountAsync());
    }

    [Fact]
    public async Task Shortlist_MaxDistanceFilter_LooksAtFewerCandidatesThanWithout()
    {
        var page = await console.SignInAsync("am-filters", Roles.Accountmanager, ConsoleFixture.Region);
        await page.GotoAsync($"{console.ConsoleAddress}/vacatures/{Vacancy}/shortlijst");
        var all = Retrieved(await page.Locator("main").InnerTextAsync());
        await page.GetByLabel("Maximale afstand in km (leeg: geen grens)").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Toepassen" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("km=3"));
        var near = Retrieved(await page.Locator("main").InnerTextAsync());
        Assert.True(near < all, $"{near} candidates looked at within 3 km, {all} without a limit");
    }

    [Fact]
    public async Task Shortlist_ZonderWieAlWerkt_LeavesOutThePeopleWhoseGapSaysTheyWork()
    {
        var page = await console.SignInAsync("am-werk", Roles.Accountmanager, ConsoleFixture.Region);
        await page.GotoAsync($"{console.ConsoleAddress}/vacatures/{Vacancy}/shortlijst");
        var main = await page.Locator("main").InnerTextAsync();
        Assert.Matches(@"werkt sinds \d{1,2} \w+ \d{4}", main);
        await page.GetByLabel("Zonder wie al werkt").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Toepassen" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("zonderwerk=true"));
        var free = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotContain("werkt sinds", free, StringComparison.Ordinal);
        Assert.True(Retrieved(free) < Retrieved(main));
        Assert.True(await page.GetByLabel("Zonder wie al werkt").IsCheckedAsync());
    }

    [Fact]
    public async Task Candidate_AtWork_SaysSoAboveTheRecommendedVacancies()
    {
        var jobs = Engine.Catalog.CurrentJobs.On(console.Data.World.Placements, TrainedRegion.Today);
        var working = console.Data.World.Candidates.First(c => c.ConsentMatching && c.Region == ConsoleFixture.Region && jobs.Of(c.Id) is not null);
        var page = await console.SignInAsync("am-kandidaat-werk", Roles.Accountmanager, ConsoleFixture.Region);
        await page.GotoAsync($"{console.ConsoleAddress}/kandidaten/{working.Id}");
        Assert.Equal($"Let op: {jobs.Of(working.Id)!.Notice}", (await page.Locator(".let-op").InnerTextAsync()).Trim());
    }

    private static int Retrieved(string text) =>
        int.Parse(RetrievedCount().Match(text).Groups[1].Value.Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(\d{1,3}(?:\.\d{3})*) kandidaten? bekeken")]
    private static partial Regex RetrievedCount();

    [Fact]
    public async Task Candidate_DevelopmentPlan_OnlyWhenAsked_ShowsTopTenCountsPerStepAndIsAudited()
    {
        var candidates = console.Data.World.Candidates.Where(c => c.ConsentMatching && c.Region == ConsoleFixture.Region).Select(c => c.Id).Take(10).ToArray();
        var page = await console.SignInAsync("am-ontwikkelplan", Roles.Accountmanager, ConsoleFixture.Region);
        await page.GotoAsync($"{console.ConsoleAddress}/kandidaten/{candidates[0]}");
        var plans = page.Locator("table", new() { HasText = "Vacatures in de top 10" });
        Assert.Equal(0, await plans.CountAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "Toon het ontwikkelplan" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("plan=true"));
        // The first of them whose plan has a step that brings a vacancy into the top 10.
        var shown = candidates[0];
        foreach (var candidate in candidates)
        {
            if (candidate != shown) await page.GotoAsync($"{console.ConsoleAddress}/kandidaten/{candidate}?plan=true");
            shown = candidate;
            var main = await page.Locator("main").InnerTextAsync();
            var summary = PlanSummary().Match(main);
            Assert.True(summary.Success, main);
            Assert.StartsWith("geen stap", (await plans.Locator("tbody tr").First.InnerTextAsync()).Trim(), StringComparison.Ordinal);
            if (summary.Groups["step"].Success) break;
        }
        Assert.Matches(@"\d+ weken?\s+€ \d", await plans.Locator("tbody tr").Nth(1).InnerTextAsync());
        await ConsoleFixture.AssertAccessibleAsync(page);
        await console.ScreenshotAsync(page, "ontwikkelplan");

        var admin = await console.SignInAsync("admin-ontwikkelplan", Roles.Admin);
        await admin.GotoAsync($"{console.ConsoleAddress}/audit?kandidaat={shown}");
        await Assertions.Expect(admin.Locator("tbody tr", new() { HasText = AuditPurposes.DevelopmentPlan }).First).ToContainTextAsync("am-ontwikkelplan");
    }

    [GeneratedRegex(@"Van \d+ open vacatures? binnen twee keer de reisafstand op \d{1,2} \w+ \d{4}: (?:(?<step>met .+: \d+ vacatures in de top 10 in plaats van \d+)|geen stap brengt)")]
    private static partial Regex PlanSummary();

    [Fact]
    public async Task Candidates_SearchByText_FindsOnlyConsentingCandidatesOfTheRegionAndIsAudited()
    {
        var page = await console.SignInAsync("am-zoek-kandidaat", Roles.Accountmanager, ConsoleFixture.Region);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Kandidaten" }).ClickAsync();
        await ConsoleFixture.ArrivedAtAsync(page, $"{console.ConsoleAddress}/kandidaten");
        Assert.Equal(0, await page.Locator("tbody tr").CountAsync());
        await page.GetByLabel("Zoek kandidaten in uw regio's").FillAsync("heftruck");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("q=heftruck"));
        Assert.Matches(@"(\d+ kandidat(en|aat) gevonden|De \d+ best passende kandidaten) voor 'heftruck'", await page.Locator("main").InnerTextAsync());
        var shown = await page.Locator("tbody tr td:first-child a").AllInnerTextsAsync();
        Assert.NotEmpty(shown);
        var world = console.Data.World.Candidates.ToDictionary(c => c.Id);
        Assert.All(shown, id => Assert.True(world[id].ConsentMatching && world[id].Region == ConsoleFixture.Region, id));
        await ConsoleFixture.AssertAccessibleAsync(page);
        await console.ScreenshotAsync(page, "kandidaten");

        var admin = await console.SignInAsync("admin-zoek-kandidaat", Roles.Admin);
        await admin.GotoAsync($"{console.ConsoleAddress}/audit?kandidaat={shown[0]}");
        await Assertions.Expect(admin.Locator("tbody tr", new() { HasText = AuditPurposes.CandidateSearch }).First).ToContainTextAsync("am-zoek-kandidaat");
    }

    [Fact]
    public async Task Candidate_WithoutConsent_IsNotFoundInOneDutchSentence()
    {
        var noConsent = console.Data.World.Candidates.First(c => !c.ConsentMatching && c.Region == ConsoleFixture.Region).Id;
        var page = await console.SignInAsync("am-kandidaat", Roles.Accountmanager, ConsoleFixture.Region);
        var response = await page.GotoAsync($"{console.ConsoleAddress}/kandidaten/{noConsent}");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync($"Kandidaat {noConsent} bestaat niet, of u mag deze niet inzien.");
        Assert.DoesNotContain(" at ", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Candidate_WithConsent_ShowsTheMinimisedRecordAndRecommendedVacancies()
    {
        var page = await console.SignInAsync("am-kandidaat2", Roles.Accountmanager, ConsoleFixture.Region);
        await page.GotoAsync($"{console.ConsoleAddress}/vacatures/{Vacancy}/shortlijst");
        var first = await page.Locator("tbody tr").First.GetAttributeAsync("data-candidate");
        await page.GetByRole(AriaRole.Link, new() { Name = first!, Exact = true }).ClickAsync();
        await ConsoleFixture.ArrivedAtAsync(page, $"{console.ConsoleAddress}/kandidaten/{first}");
        var main = await page.Locator("main").InnerTextAsync();
        Assert.Contains("Aanbevolen vacatures", main, StringComparison.Ordinal);
        Assert.Contains("Beschikbaar vanaf", main, StringComparison.Ordinal);
        Assert.Matches(@"Wat helpt\?\s+Voor vacature \S.* \(\S+\) staat de kandidaat nu op plaats \d+ van \d+", main);
        Assert.Contains("geen belofte", main, StringComparison.Ordinal);
        Assert.All(console.Data.World.Employers, e => Assert.DoesNotContain($" bij {e.Id}:", main, StringComparison.Ordinal)); // carved roles name the employer
        Assert.DoesNotContain("geslacht", main, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("migratie", main, StringComparison.OrdinalIgnoreCase);
        Assert.Matches(@"\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}", main);
        await ConsoleFixture.AssertAccessibleAsync(page);
        await console.ScreenshotAsync(page, "kandidaat");
    }
}
