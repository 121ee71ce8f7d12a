using System.Text.Json.Nodes;
using MatchEngine.Api.V1;
using MatchEngine.Engine.Access;
using MatchEngine.Engine.Audit;
using MatchEngine.Tests.Support;
using MatchEngine.Training.Cli;

namespace MatchEngine.Tests.Api;

/// <summary>The CLI and gRPC read candidates through the same policy layer: the same answer for the same caller, both audited.</summary>
public sealed class OnePolicyPathTests(TrainedRegion region) : IClassFixture<TrainedRegion>
{
    [Fact]
    public async Task Shortlist_CliAndGrpcAsAdmin_ShowTheSameCandidatesAndBothAreAudited()
    {
        using var dir = new TempDirectory();
        region.CopyDataTo(dir.File("data"));
        var vacancy = region.World.Vacancies.First(v => v.IsOpenOn(TrainedRegion.Today) && v.Sector == "logistiek").Id;
        var run = (await CliRun.RunAsync(new FixedClock(TrainedRegion.Today), "shortlist", "--vacancy", vacancy, "--top", "10", "--json", "--data", dir.File("data")))
            .AssertSucceeded();
        var cli = JsonNode.Parse(run.LastLine)!["candidates"]!.AsArray().Select(c => c!["candidate_id"]!.GetValue<string>()).ToArray();

        await using (var server = await ApiServer.StartAsync(prepareData: data => DataDirectoryCopy.Copy(dir.File("data"), data), clock: new FixedClock(TrainedRegion.Today)))
        {
            var grpc = (await new Match.MatchClient(server.ChannelFor(Roles.Admin)).ShortlistAsync(new ShortlistRequest { VacancyId = vacancy, Top = 10 }))
                .Candidates.Select(c => c.CandidateId).ToArray();
            Assert.Equal(cli, grpc);
            var trail = (await new Audit.AuditClient(server.Channel).QueryAsync(new AuditQuery { CandidateId = cli[0] })).Entries;
            Assert.Contains(trail, e => e.Action == "cli/shortlist" && e.User.StartsWith("cli:", StringComparison.Ordinal) && e.Subject == vacancy);
            Assert.Contains(trail, e => e.Action.EndsWith("/Shortlist", StringComparison.Ordinal) && e.User == "test-admin" && e.Subject == vacancy);
        }
    }

    [Fact]
    public async Task Routes_CliForACandidateWithoutConsent_IsNotFoundLikeGrpc()
    {
        using var dir = new TempDirectory();
        region.CopyDataTo(dir.File("data"));
        var noConsent = region.World.Candidates.First(c => !c.ConsentMatching).Id;
        var run = (await CliRun.RunAsync(new FixedClock(TrainedRegion.Today), "routes", "--candidate", noConsent, "--sector", "logistiek", "--json", "--data", dir.File("data")))
            .AssertExit(1);
        Assert.Contains("bestaat niet", run.Err, StringComparison.Ordinal);
    }
}
