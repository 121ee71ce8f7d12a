using System.Text.RegularExpressions;
using MatchEngine.Api.V1;
using MatchEngine.Engine.Access;
using MatchEngine.Engine.Sroi;
using MatchEngine.Tests.Support;
using Microsoft.Playwright;

namespace MatchEngine.Tests.Console;

/// <summary>The main path of the SROI-makelaar, the jobcoach, maatwerk and the data scientist in a real browser: sign in, do the task, see the result and its trace.</summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class RolePagesTests(ConsoleFixture console)
{
    [Fact]
    public async Task Sroi_MakelaarClaimsAnUnattributedPlacement_ContractPageCountsItAndTheClaimIsAudited()
    {
        var world = console.Data.World;
        var attributor = new PlacementAttributor(world.SroiContracts, id => world.Vacancies.FirstOrDefault(v => v.Id == id), new Dictionary<string, string>());
        var consenting = world.Candidates.Where(c => c.ConsentMatching).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var (contract, placement) = world.SroiContracts
            .SelectMany(c => world.Placements.Where(p => p.EmployerId == c.EmployerId && consenting.Contains(p.CandidateId) && attributor.ByRule(p) is null
                && p.Start <= c.End && (SroiDays.LastDayWorked(p) ?? DateOnly.MaxValue) >= c.Start).Select(p => (c.Id, p.Id)))
            .First();

        var page = await console.SignInAsync("makelaar-claim", Roles.SroiMakelaar);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "SROI" }).ClickAsync();
        await ConsoleFixture.ArrivedAtAsync(page, $"{console.ConsoleAddress}/sroi");
        Assert.Matches(@"€ \d{1,3}(\.\d{3})*,\d\d", await page.Locator("tbody").InnerTextAsync());
        await ConsoleFixture.AssertAccessibleAsync(page);
        await console.ScreenshotAsync(page, "sroi-werklijst");

        await page.GotoAsync($"{console.ConsoleAddress}/sroi/{contract}");
        Assert.Contains("De rekensom", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByLabel(new Regex("^Plaatsing bij ")).FillAsync(placement);
        await page.GetByRole(AriaRole.Button, new() { Name = "Toerekenen aan dit contract" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Plaatsing {placement} telt mee voor contract {contract}.");
        await Assertions.Expect(page.Locator("tbody tr", new() { HasText = placement })).ToContainTextAsync("toegerekend");
        await ConsoleFixture.AssertAccessibleAsync(page);
        await console.ScreenshotAsync(page, "sroi-contract");

        var trail = (await AuditOf("makelaar-claim")).Where(e => e.Purpose == AuditPurposes.SroiClaim).ToArray();
        Assert.Contains(trail, e => e.Subject == $"{contract}/{placement}");
    }

    [Fact]
    public async Task Nazorg_Jobcoach_SeesRisksAtSixTwelveAndTwentyFourMonthsWithFactorsAndTheReadIsAudited()
    {
        var page = await console.SignInAsync("jobcoach-nazorg", Roles.Consulent, ConsoleFixture.Region);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Nazorg" }).ClickAsync();
        var risksBefore = (await AuditOf("jobcoach-nazorg")).Count(e => e.Purpose == AuditPurposes.HerinstroomRisk);
        await page.GetByLabel(new Regex("^Capaciteit")).FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Toon werklijst" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("capaciteit=5"));
        var rows = page.Locator("tbody tr");
        Assert.Equal(5, await rows.CountAsync());
        Assert.Matches(@"\d{1,3}%, \d{1,3}% en \d{1,3}%", await rows.First.InnerTextAsync());
        await ConsoleFixture.AssertAccessibleAsync(page);
        await console.ScreenshotAsync(page, "nazorg");
        var trail = await AuditOf("jobcoach-nazorg");
        Assert.Contains(trail, e => e.Purpose == AuditPurposes.NazorgWorklist("GV") && e.Action == "console /Nazorg/Index");
        Assert.Equal(risksBefore + 5, trail.Count(e => e.Purpose == AuditPurposes.HerinstroomRisk));
    }

    [Fact]
    public async Task Maatwerk_CarveAtAnEmployerAndARecruitmentDrive_ShowRolesFreedHoursAndReadyCandidates()
    {
        var page = await console.SignInAsync("am-maatwerk", Roles.Accountmanager, ConsoleFixture.Region);
        await page.GotoAsync($"{console.ConsoleAddress}/maatwerk");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rollen snijden" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("werkgever="));
        var main = await page.Locator("main").InnerTextAsync();
        Assert.True(main.Contains("vrij voor vakkrachten", StringComparison.Ordinal), main);
        var vacancy = console.Data.World.Vacancies.First(v => v.IsOpenOn(TrainedRegion.Today) && v.Sector == "logistiek").Id;
        await page.GetByLabel("Vacatures (nummers, gescheiden door komma's)").FillAsync(vacancy);
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoek kandidaten" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("vacatures="));
        Assert.Matches(@"\d+ kandidat(en kunnen|aat kan) binnen 6 maanden klaar zijn", await page.Locator("main").InnerTextAsync());
        await ConsoleFixture.AssertAccessibleAsync(page);
        await console.ScreenshotAsync(page, "maatwerk");
        var trail = await AuditOf("am-maatwerk");
        Assert.Contains(trail, e => e.Purpose == AuditPurposes.Readiness && e.Subject == vacancy);
    }

    [Fact]
    public async Task Maatwerk_TrainingNeedsOfTheRegion_ShowStepsWithCountsAndEurosNamingNoOneAndAreAudited()
    {
        var page = await console.SignInAsync("am-opleiding", Roles.Accountmanager, ConsoleFixture.Region);
        await page.GotoAsync($"{console.ConsoleAddress}/maatwerk");
        await page.GetByLabel("Regio").SelectOptionAsync(ConsoleFixture.Region);
        await page.GetByRole(AriaRole.Button, new() { Name = "Toon opleidingsbehoefte" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("regio=GV"));
        var rows = page.Locator("table", new() { HasText = "Kosten per kandidaat" }).Locator("tbody tr");
        Assert.True(await rows.CountAsync() > 0, await page.Locator("main").InnerTextAsync());
        var first = await rows.First.InnerTextAsync();
        Assert.Matches(@"€ \d{1,3}(\.\d{3})*,\d\d", first);
        Assert.DoesNotMatch(@"\bc\d{4,}", await page.Locator("main").InnerTextAsync());
        await ConsoleFixture.AssertAccessibleAsync(page);
        await console.ScreenshotAsync(page, "opleidingsbehoefte");
        var trail = await AuditOf("am-opleiding");
        Assert.Contains(trail, e => e.Purpose == AuditPurposes.TrainingNeeds && e.Subject == ConsoleFixture.Region);
    }

    [Fact]
    public async Task Models_DataScientistTrainsPromotesAndRollsBack_ProgressReportAndHistoryShowIt()
    {
        var page = await console.SignInAsync("ds-modellen", Roles.DataScientist);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Modellen" }).ClickAsync();
        await ConsoleFixture.AssertAccessibleAsync(page);
        await console.ScreenshotAsync(page, "modellen");
        var before = await page.Locator("a[href^='/modellen/leerwerk-v']").CountAsync();

        await page.GetByLabel("Model").SelectOptionAsync("leerwerk");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start training" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/modellen/runs/job-"));
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Klaar.", new() { Timeout = 180_000 });
        Assert.NotEmpty((await page.Locator("#voortgang").InnerTextAsync()).Trim());
        await ConsoleFixture.AssertAccessibleAsync(page);
        await console.ScreenshotAsync(page, "training");

        await page.GotoAsync($"{console.ConsoleAddress}/modellen");
        var links = page.Locator("a[href^='/modellen/leerwerk-v']");
        Assert.Equal(before + 1, await links.CountAsync());
        var newest = (await links.First.InnerTextAsync()).Trim();
        await links.First.ClickAsync();
        await ConsoleFixture.ArrivedAtAsync(page, $"{console.ConsoleAddress}/modellen/{newest}");
        Assert.Contains("Eerlijkheidstoets", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        var plots = page.Locator("main figure img");
        Assert.True(await plots.CountAsync() > 0, "the report shows no plot");
        Assert.True(await plots.First.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "a report plot did not load");
        await page.GetByLabel("Reden om te promoveren").FillAsync("beter op de hold-out van deze maand");
        await page.GetByRole(AriaRole.Button, new() { Name = "Promoveren" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Versie {newest} is gepromoveerd");
        await ConsoleFixture.AssertAccessibleAsync(page);
        await console.ScreenshotAsync(page, "modelversie");

        await page.GotoAsync($"{console.ConsoleAddress}/modellen");
        Assert.Contains($"{newest} door ds-modellen — beter op de hold-out van deze maand", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        var reason = page.GetByLabel("Reden om Slagingskans leerwerkroute terug te draaien naar de vorige versie");
        await reason.FillAsync("terug tot de nieuwe versie is nagekeken");
        await page.Locator("form", new() { Has = reason }).GetByRole(AriaRole.Button, new() { Name = "Terugdraaien" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Teruggedraaid");
        Assert.Contains($"rollback from {newest}: terug tot de nieuwe versie is nagekeken", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Models_AdminSetsTheFairnessThresholdWithAReason_DataScientistSeesThePolicyWithoutTheForm()
    {
        var scientist = await console.SignInAsync("ds-beleid", Roles.DataScientist);
        await scientist.GotoAsync($"{console.ConsoleAddress}/modellen");
        Assert.Contains("Eerlijkheidsbeleid: een model wordt alleen gepromoveerd", await scientist.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await scientist.GetByRole(AriaRole.Button, new() { Name = "Drempel vastleggen" }).CountAsync());

        // The threshold in force stays the same, so the other tests' promotions meet the same gate.
        var threshold = Fairness().Threshold;
        var admin = await console.SignInAsync("admin-beleid", Roles.Admin);
        await admin.GotoAsync($"{console.ConsoleAddress}/modellen");
        await admin.GetByLabel(new Regex("^Drempel")).FillAsync(threshold.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await admin.GetByLabel("Reden voor de drempel").FillAsync("advies van de ethiekcommissie");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Drempel vastleggen" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToHaveTextAsync($"De drempel van de eerlijkheidstoets is nu {Engine.Domain.Dutch.Number(threshold)}.");
        Assert.Matches("vastgesteld door admin-beleid op .+ UTC \\(advies van de ethiekcommissie\\)", await admin.Locator("main").InnerTextAsync());
        Assert.Equal("admin-beleid", Fairness().SetBy);
        await ConsoleFixture.AssertAccessibleAsync(admin);

        // Past the browser's own checks (required, min, max), the server refuses in one Dutch sentence and keeps the policy.
        await admin.Locator("#reden").EvaluateAsync("e => e.removeAttribute('required')");
        await admin.Locator("#drempel").EvaluateAsync("e => e.removeAttribute('max')");
        await admin.GetByLabel(new Regex("^Drempel")).FillAsync("7");
        await admin.GetByLabel("Reden voor de drempel").FillAsync("te hoog");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Drempel vastleggen" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Alert)).ToHaveTextAsync("De invoer bij 'Drempel' klopt niet: moet tussen 0 en 1,5 liggen, niet 7.");
        Assert.Equal(("7", "te hoog"), (await admin.Locator("#drempel").InputValueAsync(), await admin.Locator("#reden").InputValueAsync()));
        await admin.Locator("#reden").EvaluateAsync("e => e.removeAttribute('required')");
        await admin.GetByLabel(new Regex("^Drempel")).FillAsync("0,9");
        await admin.GetByLabel("Reden voor de drempel").FillAsync("");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Drempel vastleggen" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Geef een reden voor de drempel: het beleid legt vast waarom.");
        Assert.Equal("0,9", await admin.Locator("#drempel").InputValueAsync());
        Assert.Equal(threshold, Fairness().Threshold);

        // A decimal comma is a number: the threshold in force, typed the Dutch way, is set again.
        await admin.GetByLabel(new Regex("^Drempel")).FillAsync(Engine.Domain.Dutch.Exact(threshold));
        await admin.GetByLabel("Reden voor de drempel").FillAsync("opnieuw vastgesteld");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Drempel vastleggen" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToHaveTextAsync($"De drempel van de eerlijkheidstoets is nu {Engine.Domain.Dutch.Number(threshold)}.");
        Assert.Equal(("opnieuw vastgesteld", threshold), (Fairness().Reason, Fairness().Threshold));
    }

    private Models.Registry.FairnessPolicy Fairness() => new Models.Registry.ModelRegistry(new Engine.DataLayout(console.DataDirectory).ModelsPath, TimeProvider.System).Fairness;

    private async Task<IReadOnlyList<AuditRecord>> AuditOf(string user) =>
        (await new Audit.AuditClient(console.ChannelWith(console.TokenFor("admin-controle", Roles.Admin))).QueryAsync(new AuditQuery { User = user })).Entries;
}
