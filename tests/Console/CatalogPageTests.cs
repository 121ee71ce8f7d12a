using System.Text;
using Grpc.Core;
using MatchEngine.Api.V1;
using MatchEngine.Engine.Access;
using MatchEngine.Tests.Support;
using Microsoft.Playwright;

namespace MatchEngine.Tests.Console;

/// <summary>
/// The admin's catalog writes in a real browser: contract files imported with each rejected line named and each imported
/// candidate's trail written, and records deleted, as gRPC sees them after.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class CatalogPageTests(ConsoleFixture console)
{
    [Fact]
    public async Task Catalog_AdminImportsContractFilesAndDeletesTheRecords_ValidLinesKeptRejectedNamedAndGrpcSeesBoth()
    {
        var (employer, vacancy, candidate) = ("e-console-import", "v-console-import", "c-console-import");
        var vacancyLine = ContractSamples.Vacancy(vacancy, employer);
        vacancyLine["posted_at"] = "2025-01-06";
        vacancyLine["closes_at"] = "2025-02-28";
        var broken = ContractSamples.Vacancy("v-console-kapot", employer);
        broken["hours_min"] = 50;
        var page = await console.SignInAsync("admin-catalogus", Roles.Admin);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Catalogus" }).ClickAsync();
        await ConsoleFixture.ArrivedAtAsync(page, $"{console.ConsoleAddress}/catalogus");

        await page.GetByLabel("Contractbestanden").SetInputFilesAsync([
            File("employers.jsonl", ContractSamples.Employer(employer).ToJsonString()),
            File("vacancies.jsonl", vacancyLine.ToJsonString() + "\n" + broken.ToJsonString() + "\n"),
            File("candidates.jsonl", ContractSamples.Candidate(candidate).ToJsonString()),
        ]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Importeren" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Geïmporteerd: 1 werkgever, 1 vacature en 1 kandidaat; 1 regel geweigerd (hieronder).");
        var rejected = await page.Locator("tbody tr").AllInnerTextsAsync();
        Assert.Single(rejected);
        Assert.StartsWith("vacancies.jsonl\t2\t'v-console-kapot'\thours", rejected[0], StringComparison.Ordinal);
        await ConsoleFixture.AssertAccessibleAsync(page);
        await console.ScreenshotAsync(page, "catalogus");

        var catalog = new MatchEngine.Api.V1.Catalog.CatalogClient(console.ChannelWith(console.TokenFor("admin-controle", Roles.Admin)));
        var stored = await catalog.GetAsync(new RecordRef { Kind = EntityKind.Vacancy, Id = vacancy });
        Assert.Equal(employer, stored.Vacancy.EmployerId);
        // The import is on the imported candidate's audit trail, under the admin who imported.
        var trail = (await new MatchEngine.Api.V1.Audit.AuditClient(console.ChannelWith(console.TokenFor("admin-controle", Roles.Admin)))
            .QueryAsync(new AuditQuery { CandidateId = candidate })).Entries;
        Assert.Contains(trail, e => e.Purpose == AuditPurposes.Import && e.User == "admin-catalogus");

        foreach (var (kind, ids, said) in new[]
                 {
                     ("vacancies", $"{vacancy}, v-bestaat-niet", $"Verwijderd: 1 vacature ({vacancy}); niet gevonden: v-bestaat-niet."),
                     ("employers", employer, $"Verwijderd: 1 werkgever ({employer})."),
                     ("candidates", candidate, $"Verwijderd: 1 kandidaat ({candidate})."),
                 })
        {
            await page.GetByLabel("Soort").SelectOptionAsync(kind);
            await page.GetByLabel("Nummers").FillAsync(ids);
            await page.GetByLabel("Ik weet dat verwijderen niet ongedaan kan worden").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Verwijderen" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(said);
        }
        var gone = await Assert.ThrowsAsync<RpcException>(async () => await catalog.GetAsync(new RecordRef { Kind = EntityKind.Vacancy, Id = vacancy }));
        Assert.Equal(StatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Catalog_FileThatIsNoContractFileOrDeletionNotConfirmed_RefusedInOneDutchSentenceNothingWritten()
    {
        var page = await console.SignInAsync("admin-catalogus-fout", Roles.Admin);
        await page.GotoAsync($"{console.ConsoleAddress}/catalogus");
        await page.GetByLabel("Contractbestanden").SetInputFilesAsync([File("vacature.jsonl", ContractSamples.Vacancy("v-console-nooit").ToJsonString())]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Importeren" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(
            "De invoer bij 'Contractbestanden' klopt niet: 'vacature.jsonl' is geen contractbestand; een contractbestand heet employers.jsonl, ");
        Assert.Equal(0, await page.GetByRole(AriaRole.Status).CountAsync());

        var vacancy = console.Data.World.Vacancies[0].Id;
        await page.GetByLabel("Soort").SelectOptionAsync("vacancies");
        await page.GetByLabel("Nummers").FillAsync(vacancy);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verwijderen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(
            "De invoer bij 'Bevestiging' klopt niet: vink aan dat u weet dat verwijderen niet ongedaan kan worden.");
        await Assertions.Expect(page.GetByLabel("Nummers")).ToHaveValueAsync(vacancy);
        var catalog = new MatchEngine.Api.V1.Catalog.CatalogClient(console.ChannelWith(console.TokenFor("admin-controle", Roles.Admin)));
        Assert.Equal(vacancy, (await catalog.GetAsync(new RecordRef { Kind = EntityKind.Vacancy, Id = vacancy })).Vacancy.Id);
    }

    [Fact]
    public async Task Catalog_UploadOverTheLimit_RefusedInOneDutchSentenceWithStatus413()
    {
        using var dir = new TempDirectory();
        var big = dir.File("vacancies.jsonl");
        var line = ContractSamples.Vacancy("v-console-groot").ToJsonString() + "\n";
        await using (var writer = new StreamWriter(big))
            for (long written = 0; written <= MatchEngine.Api.WebConsole.Pages.Catalogus.CatalogusModel.MaxUploadBytes; written += line.Length) await writer.WriteAsync(line);
        var page = await console.SignInAsync("admin-catalogus-groot", Roles.Admin);
        await page.GotoAsync($"{console.ConsoleAddress}/catalogus");
        await page.GetByLabel("Contractbestanden").SetInputFilesAsync(big);
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Importeren" }).ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(413, response.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(
            "De gekozen bestanden zijn samen groter dan 100 MB; importeer ze met matchengine import.");
    }

    [Fact]
    public async Task Catalog_PostWithoutTheFormsAntiforgeryToken_RefusedAndNothingDeleted()
    {
        var page = await console.SignInAsync("admin-catalogus-csrf", Roles.Admin);
        // The browser's cookies (the session and the anti-forgery cookie), without the token the form carries.
        var cookies = string.Join("; ", (await page.Context.CookiesAsync()).Select(c => $"{c.Name}={c.Value}"));
        var vacancy = console.Data.World.Vacancies[1].Id;
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{console.ConsoleAddress}/catalogus?handler=Verwijderen")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["soort"] = "vacancies", ["nummers"] = vacancy, ["zeker"] = "true" }),
        };
        request.Headers.Add("Cookie", cookies);
        using var response = await http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Het formulier is verlopen of kwam niet van deze pagina", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var catalog = new MatchEngine.Api.V1.Catalog.CatalogClient(console.ChannelWith(console.TokenFor("admin-controle", Roles.Admin)));
        Assert.Equal(vacancy, (await catalog.GetAsync(new RecordRef { Kind = EntityKind.Vacancy, Id = vacancy })).Vacancy.Id);
    }

    [Fact]
    public async Task Vacancy_TitleAndEmployerNameOfAnyLength_WrapWithinThePage()
    {
        // The contract does not bound a title or a name: one long word must wrap, not push the page out sideways.
        var (employer, vacancy) = ("e-console-lang", "v-console-lang");
        var word = string.Concat(Enumerable.Repeat("Orderverzamelaar", 30));
        var employerLine = ContractSamples.Employer(employer);
        employerLine["name"] = word;
        var vacancyLine = ContractSamples.Vacancy(vacancy, employer);
        vacancyLine["title"] = word;
        var admin = await console.SignInAsync("admin-catalogus-lang", Roles.Admin);
        await admin.GotoAsync($"{console.ConsoleAddress}/catalogus");
        await admin.GetByLabel("Contractbestanden").SetInputFilesAsync([
            File("employers.jsonl", employerLine.ToJsonString()), File("vacancies.jsonl", vacancyLine.ToJsonString())]);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Importeren" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToHaveTextAsync("Geïmporteerd: 1 werkgever en 1 vacature; geen regels geweigerd.");

        var page = await console.SignInAsync("am-lang", Roles.Accountmanager, ConsoleFixture.Region);
        await page.GotoAsync($"{console.ConsoleAddress}/vacatures/{vacancy}/shortlijst");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(word[..40]);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
            "the page is wider than the window");

        foreach (var (kind, id) in new[] { ("vacancies", vacancy), ("employers", employer) })
        {
            await admin.GetByLabel("Soort").SelectOptionAsync(kind);
            await admin.GetByLabel("Nummers").FillAsync(id);
            await admin.GetByLabel("Ik weet dat verwijderen niet ongedaan kan worden").CheckAsync();
            await admin.GetByRole(AriaRole.Button, new() { Name = "Verwijderen" }).ClickAsync();
            await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Verwijderd: 1 ");
        }
    }

    private static FilePayload File(string name, string text) => new() { Name = name, MimeType = "application/x-ndjson", Buffer = Encoding.UTF8.GetBytes(text) };
}
