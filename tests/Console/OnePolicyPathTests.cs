using MatchEngine.Api.V1;
using MatchEngine.Engine.Access;
using MatchEngine.Tests.Support;

namespace MatchEngine.Tests.Console;

/// <summary>The console and gRPC ask the same policy layer: the same user sees the same candidates on a page and in the matching call, and both write the same audit entries.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class OnePolicyPathTests(ConsoleFixture console)
{
    [Fact]
    public async Task Shortlist_PageAndGrpcForTheSameUser_SameCandidatesAndSameAuditEntries()
    {
        const string user = "am-een-pad";
        var vacancy = console.Data.World.Vacancies.Where(v => v.IsOpenOn(TrainedRegion.Today) && v.Sector == "logistiek").Skip(1).First().Id;
        var admin = new Audit.AuditClient(console.ChannelWith(console.TokenFor("admin-controle", Roles.Admin)));

        var page = await console.SignInAsync(user, Roles.Accountmanager, ConsoleFixture.Region);
        await page.GotoAsync($"{console.ConsoleAddress}/vacatures/{vacancy}/shortlijst");
        var shown = await page.Locator("tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.candidate)");
        var afterPage = (await admin.QueryAsync(new AuditQuery { User = user })).Entries.ToList();

        var match = new Match.MatchClient(console.ChannelWith(console.TokenFor(user, Roles.Accountmanager, ConsoleFixture.Region)));
        var grpc = (await match.ShortlistAsync(new ShortlistRequest { VacancyId = vacancy, Top = 20 })).Candidates.Select(c => c.CandidateId).ToArray();
        var afterGrpc = (await admin.QueryAsync(new AuditQuery { User = user })).Entries.ToList();

        Assert.NotEmpty(shown);
        Assert.Equal(grpc, shown);
        var pageEntries = afterPage.Select(Key).Order().ToArray();
        var grpcEntries = afterGrpc.Where(e => !afterPage.Contains(e)).Select(Key).Order().ToArray();
        Assert.Equal(shown.Length, pageEntries.Length);
        Assert.Equal(pageEntries, grpcEntries);
        Assert.All(afterPage, e => Assert.Equal("console /Vacatures/Shortlijst", e.Action));
        Assert.All(afterGrpc.Where(e => !afterPage.Contains(e)), e => Assert.Equal("/matchengine.v1.Match/Shortlist", e.Action));
    }

    [Fact]
    public async Task Shortlist_FairReRankingChosenOnThePage_IsWhatGrpcGivesForTheSameAttribute()
    {
        const string user = "am-eerlijk";
        var match = new Match.MatchClient(console.ChannelWith(console.TokenFor(user, Roles.Accountmanager, ConsoleFixture.Region)));
        async Task<string[]> Ids(string vacancyId, string fairness) => [.. (await match.ShortlistAsync(new ShortlistRequest
        {
            VacancyId = vacancyId, Top = 20, Filters = new ShortlistFilters { FairExposureAttribute = fairness },
        })).Candidates.Select(c => c.CandidateId)];
        // A vacancy whose fair top differs from the plain one, so that a page ignoring the choice would show.
        string? vacancy = null;
        string[] fair = [];
        foreach (var v in console.Data.World.Vacancies.Where(v => v.IsOpenOn(TrainedRegion.Today)).Take(30))
        {
            fair = await Ids(v.Id, "gender");
            var plain = await Ids(v.Id, "");
            if (!fair.SequenceEqual(plain)) { vacancy = v.Id; break; }
        }
        Assert.NotNull(vacancy);
        var page = await console.SignInAsync(user, Roles.Accountmanager, ConsoleFixture.Region);
        await page.GotoAsync($"{console.ConsoleAddress}/vacatures/{vacancy}/shortlijst");
        await page.SelectOptionAsync("#eerlijk", "gender");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Toepassen" }).ClickAsync();
        await page.WaitForURLAsync("**eerlijk=gender**");
        var shown = await page.Locator("tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.candidate)");

        Assert.Equal(fair, shown);
        Assert.Equal("gender", await page.Locator("#eerlijk").InputValueAsync());
    }

    /// <summary>An audit entry without its moment and the surface that served it: who, in which role, why, about whom and what.</summary>
    private static string Key(AuditRecord e) => $"{e.User}|{e.Role}|{e.Purpose}|{e.CandidateId}|{e.Subject}";
}
