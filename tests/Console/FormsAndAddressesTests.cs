using System.Text.RegularExpressions;
using MatchEngine.Engine.Access;
using MatchEngine.Engine.Audit;
using MatchEngine.Engine.Sroi;
using MatchEngine.Tests.Support;
using Microsoft.Playwright;

namespace MatchEngine.Tests.Console;

/// <summary>
/// What the console does with input it cannot use and with answers that are empty or long: a Dutch sentence naming the form's
/// field with what was typed kept, the whole page around a refusal, confirmations only of what was recorded, and every entry
/// of a long audit trail.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class FormsAndAddressesTests(ConsoleFixture console)
{
    private string Vacancy => console.Data.World.Vacancies.First(v => v.IsOpenOn(TrainedRegion.Today) && v.Sector == "logistiek").Id;

    [Fact]
    public async Task AuditTrail_MoreEntriesThanTheOldLimit_CountsThemAllAndPagesToTheOldest()
    {
        var at = TimeProvider.System.GetUtcNow().AddDays(-1);
        using (var log = new SqliteAuditLog(Path.Combine(console.DataDirectory, "store.db")))
        {
            const string user = "audit-veel";
            await log.RecordAsync([.. Enumerable.Range(0, 30).Select(i => new AuditEntry(at, user, "consulent", "console /Kandidaten/Kandidaat", "matching", $"ouder-{i}", "v0"))]);
            await log.RecordAsync([.. Enumerable.Range(0, 1000).Select(i => new AuditEntry(at.AddMinutes(1), user, "consulent", "console /Vacatures/Shortlijst", "matching", $"nieuwer-{i}", "v1"))]);
        }
        var admin = await console.SignInAsync("admin-volledig", Roles.Admin);
        await admin.GotoAsync($"{console.ConsoleAddress}/audit?gebruiker=audit-veel");
        var main = await admin.Locator("main").InnerTextAsync();
        Assert.Contains("1.030 vermeldingen, nieuwste eerst.", main, StringComparison.Ordinal);
        Assert.Contains("Pagina 1 van 21", main, StringComparison.Ordinal);
        Assert.All(await admin.Locator("tbody tr").AllInnerTextsAsync(), row => Assert.Contains("nieuwer-", row, StringComparison.Ordinal));

        await admin.GotoAsync($"{console.ConsoleAddress}/audit?gebruiker=audit-veel&pagina=21");
        var oldest = await admin.Locator("tbody tr").AllInnerTextsAsync();
        Assert.Equal(30, oldest.Count);
        Assert.All(oldest, row => Assert.Contains("ouder-", row, StringComparison.Ordinal));
        Assert.Contains("Pagina 21 van 21", await admin.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shortlist_OutcomeOnAFilteredSecondPage_KeepsFiltersAndPageAndConfirmsOnlyWhatWasRecorded()
    {
        var page = await console.SignInAsync("am-uitkomst-filters", Roles.Accountmanager, ConsoleFixture.Region);
        await page.GotoAsync($"{console.ConsoleAddress}/vacatures/{Vacancy}/shortlijst?km=50&zonderwerk=true&pagina=2");
        var row = page.Locator("tbody tr").First;
        Assert.Equal("21", (await row.Locator("td").First.InnerTextAsync()).Trim());
        var candidate = await row.GetAttributeAsync("data-candidate");
        await page.GetByRole(AriaRole.Button, new() { Name = $"voorgesteld: {candidate}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Uitkomst 'voorgesteld' vastgelegd voor kandidaat {candidate}; de volgende training leert ervan.");
        Assert.Matches("km=50.*zonderwerk=true.*pagina=2", page.Url);
        Assert.Equal("50", await page.GetByLabel(new Regex("^Maximale afstand in km")).InputValueAsync());
        Assert.True(await page.GetByLabel("Zonder wie al werkt").IsCheckedAsync());
        Assert.Equal("21", (await page.Locator("tbody tr").First.Locator("td").First.InnerTextAsync()).Trim());

        await page.ReloadAsync();
        Assert.Equal(0, await page.GetByRole(AriaRole.Status).CountAsync());
        await page.GotoAsync($"{console.ConsoleAddress}/vacatures/{Vacancy}/shortlijst?vastgelegd=aangenomen&voor=NEPBERICHT");
        Assert.Equal(0, await page.GetByRole(AriaRole.Status).CountAsync());
        Assert.DoesNotContain("NEPBERICHT", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shortlist_EveryPage_ShowsTheSameNumberOfPages()
    {
        var page = await console.SignInAsync("am-paginas", Roles.Accountmanager, ConsoleFixture.Region);
        await page.GotoAsync($"{console.ConsoleAddress}/vacatures/{Vacancy}/shortlijst");
        var pages = int.Parse(PageOf().Match(await page.Locator("nav.paginering").InnerTextAsync()).Groups["of"].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(pages > 2, $"{pages} pages");
        foreach (var n in new[] { 2, pages })
        {
            await page.GotoAsync($"{console.ConsoleAddress}/vacatures/{Vacancy}/shortlijst?pagina={n}");
            Assert.Equal($"Pagina {n} van {pages}", PageOf().Match(await page.Locator("nav.paginering").InnerTextAsync()).Value);
        }
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Volgende pagina" }).CountAsync());
    }

    [GeneratedRegex(@"Pagina (?<page>\d+) van (?<of>\d+)")]
    private static partial Regex PageOf();

    [Theory]
    [InlineData("/maatwerk?vacatures={vacancy}&maanden=-3", "maanden", "-3", "De invoer bij 'Binnen hoeveel maanden' klopt niet: moet 1–36 zijn, niet -3.")]
    [InlineData("/maatwerk?vacatures={vacancy}&maanden=999", "maanden", "999", "De invoer bij 'Binnen hoeveel maanden' klopt niet: moet 1–36 zijn, niet 999.")]
    [InlineData("/nazorg?capaciteit=999", "capaciteit", "999", "De invoer bij 'Capaciteit' klopt niet: moet 1–200 zijn, niet 999.")]
    [InlineData("/nazorg?capaciteit=0", "capaciteit", "0", "De invoer bij 'Capaciteit' klopt niet: moet 1–200 zijn, niet 0.")]
    [InlineData("/nazorg?capaciteit=abc", "capaciteit", "abc", "De invoer bij 'Capaciteit' klopt niet: 'abc' is geen heel getal.")]
    [InlineData("/vacatures/{vacancy}/shortlijst?km=abc", "km", "abc", "De invoer bij 'Maximale afstand in km' klopt niet: 'abc' is geen getal.")]
    [InlineData("/vacatures/{vacancy}/shortlijst?km=5000", "km", "5000", "De invoer bij 'Maximale afstand in km' klopt niet: moet tussen 1 en 1000 liggen, niet 5000.")]
    public async Task Form_ANumberItCannotUse_RefusedInDutchNamingTheFieldWithTheInputKept(string path, string field, string typed, string sentence)
    {
        var page = await console.SignInAsync("am-invoer", Roles.Accountmanager, ConsoleFixture.Region);
        var response = await page.GotoAsync($"{console.ConsoleAddress}{path.Replace("{vacancy}", Vacancy, StringComparison.Ordinal)}");
        Assert.Equal(400, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(sentence);
        Assert.Equal(typed, await page.Locator($"#{field}").InputValueAsync());
        if (path.Contains("shortlijst", StringComparison.Ordinal))
            Assert.Contains(" bij ", await page.Locator("main > p").First.InnerTextAsync(), StringComparison.Ordinal); // the vacancy's line stays
        await ConsoleFixture.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Shortlist_DistanceWithADecimalComma_IsReadAsADecimal()
    {
        var page = await console.SignInAsync("am-komma", Roles.Accountmanager, ConsoleFixture.Region);
        var comma = await RetrievedAsync(page, "7,5");
        Assert.Equal("7,5", await page.Locator("#km").InputValueAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Alert).CountAsync());
        Assert.Equal(await RetrievedAsync(page, "7.5"), comma);
        Assert.True(comma < await RetrievedAsync(page, "75"), "7,5 km was read as 75 km");
    }

    private async Task<int> RetrievedAsync(IPage page, string km)
    {
        await page.GotoAsync($"{console.ConsoleAddress}/vacatures/{Vacancy}/shortlijst?km={Uri.EscapeDataString(km)}");
        var text = await page.Locator("main").InnerTextAsync();
        return int.Parse(Retrieved().Match(text).Groups[1].Value.Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"(\d{1,3}(?:\.\d{3})*) kandidaten? bekeken")]
    private static partial Regex Retrieved();

    [Theory]
    [InlineData(Roles.Accountmanager, "/kandidaten/%20", "Het adres noemt geen kandidaat; kies er een uit de lijst.")]
    [InlineData(Roles.Accountmanager, "/vacatures/%20/shortlijst", "Het adres noemt geen vacature; kies er een uit de lijst.")]
    [InlineData(Roles.Admin, "/modellen/%20", "Het adres noemt geen modelversie; kies er een uit de lijst.")]
    [InlineData(Roles.SroiMakelaar, "/sroi/%20", "Het adres noemt geen SROI-contract; kies er een uit de lijst.")]
    public async Task Address_BlankId_BadRequestInOneDutchSentence(string role, string path, string sentence)
    {
        var page = await console.SignInAsync($"leeg-{role}", role, ConsoleFixture.Region);
        var response = await page.GotoAsync($"{console.ConsoleAddress}{path}");
        Assert.Equal(400, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(sentence);
    }

    [Fact]
    public async Task Vacancies_SearchFindingNothing_SaysSoAndWhatToTryWithoutAnEmptyTable()
    {
        var page = await console.SignInAsync("am-niets", Roles.Accountmanager, ConsoleFixture.Region);
        await page.GotoAsync($"{console.ConsoleAddress}/vacatures?q=zzzzqqq");
        Assert.StartsWith("Geen open vacature gevonden voor 'zzzzqqq'. Probeer", (await page.Locator("main > p").First.InnerTextAsync()).Trim(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("table").CountAsync());
        await page.GotoAsync($"{console.ConsoleAddress}/kandidaten?q=zzzzqqq");
        Assert.StartsWith("Geen kandidaat met toestemming in uw regio's gevonden voor 'zzzzqqq'.", (await page.Locator("main > p").First.InnerTextAsync()).Trim(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("table").CountAsync());
    }

    [Theory]
    [InlineData("/kandidaten?q=.", "Zoek kandidaten in uw regio's")]
    [InlineData("/vacatures?q=de", "Zoek in open vacatures")]
    public async Task Search_TextWithoutAWordToSearchFor_IsRefusedNotAListOfEveryone(string path, string label)
    {
        var page = await console.SignInAsync("am-leeg", Roles.Accountmanager, ConsoleFixture.Region);
        var response = await page.GotoAsync($"{console.ConsoleAddress}{path}");
        Assert.Equal(400, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync($"De invoer bij '{label}' klopt niet: bevat geen woord om op te zoeken");
        Assert.Equal(0, await page.Locator("table").CountAsync());
    }

    [Fact]
    public async Task Nazorg_AdminTypesARegionNoCandidateLivesIn_RefusedNamingTheRegionsThatHaveCandidates()
    {
        var page = await console.SignInAsync("admin-nazorg-xx", Roles.Admin);
        var response = await page.GotoAsync($"{console.ConsoleAddress}/nazorg?regio=XX");
        Assert.Equal(400, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(
            $"De invoer bij 'Regio' klopt niet: 'XX' is onbekend: geen kandidaat woont er; er zijn kandidaten in {ConsoleFixture.Region}.");
        Assert.Equal("XX", await page.Locator("#regio").InputValueAsync());
        Assert.Equal(0, await page.Locator("table").CountAsync());
    }

    [Fact]
    public async Task Sroi_ClaimRefused_KeepsTheArithmeticTheFormAndWhatWasTyped_AndNoConfirmationComesFromTheAddress()
    {
        var world = console.Data.World;
        var attributor = new PlacementAttributor(world.SroiContracts, id => world.Vacancies.FirstOrDefault(v => v.Id == id), new Dictionary<string, string>());
        var contract = world.Placements.Select(p => attributor.Of(p)?.ContractId).First(c => c is not null);

        // An accountmanager of a region without candidates: every placement at the contractor is one the user may not see.
        var page = await console.SignInAsync("am-sroi-geweigerd", Roles.Accountmanager, "ZZ");
        await page.GotoAsync($"{console.ConsoleAddress}/sroi/{contract}");
        var sum = await page.Locator("tr", new() { HasText = "Gerealiseerd" }).InnerTextAsync();
        Assert.Matches(@"\+ \d+ plaatsingen? die u niet mag inzien \(€ ", sum);
        Assert.DoesNotContain("regio", sum, StringComparison.Ordinal);

        var response = await page.RunAndWaitForResponseAsync(async () =>
        {
            await page.GetByLabel(new Regex("^Plaatsing bij ")).FillAsync("p-onbekend");
            await page.GetByRole(AriaRole.Button, new() { Name = "Toerekenen aan dit contract" }).ClickAsync();
        }, r => r.Request.Method == "POST");
        Assert.Equal(404, response.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Plaatsing p-onbekend bestaat niet, of u mag deze niet inzien.");
        Assert.Contains("De rekensom", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("p-onbekend", await page.Locator("#plaatsing").InputValueAsync());

        await page.Locator("#plaatsing").EvaluateAsync("e => e.removeAttribute('required')");
        await page.GetByLabel(new Regex("^Plaatsing bij ")).FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Toerekenen aan dit contract" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("De invoer bij 'Plaatsing' klopt niet: ontbreekt.");
        Assert.Contains("De rekensom", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        await page.GotoAsync($"{console.ConsoleAddress}/sroi/{contract}?toegerekend=NEPBERICHT");
        Assert.Equal(0, await page.GetByRole(AriaRole.Status).CountAsync());
        Assert.DoesNotContain("NEPBERICHT", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }
}
