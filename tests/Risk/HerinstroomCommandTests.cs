using System.Globalization;
using MatchEngine.Engine.Domain;
using MatchEngine.Tests.Support;
using MatchEngine.Training.Cli;

namespace MatchEngine.Tests.Risk;

[Collection(HerinstroomCollection.Name)]
public sealed class HerinstroomCommandTests(HerinstroomFixture fixture)
{
    [Fact]
    public async Task Herinstroom_PromotedModel_WritesOneRowPerActivePlacementWithMonotoneRisks()
    {
        using var dir = new TempDirectory();
        var file = dir.File("risk.csv");

        (await HerinstroomFixture.Cli("herinstroom", "--data", fixture.DataDirectory, "--out", file)).AssertExit(ExitCodes.Ok);

        var lines = File.ReadAllLines(file);
        Assert.Equal(HerinstroomCommand.Header, lines[0]);
        var candidates = fixture.Store.Candidates().ToDictionary(c => c.Id, StringComparer.Ordinal);
        var expected = fixture.Store.Placements()
            .Where(p => candidates[p.CandidateId].ConsentMatching && p.Start <= fixture.AsOf && (p.Ended is null || p.Ended > fixture.AsOf) && (p.HerinstroomAt is null
                || p.HerinstroomAt > fixture.AsOf))
            .Select(p => p.Id).Order(StringComparer.Ordinal);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(expected, rows.Select(r => r[0]).Order(StringComparer.Ordinal));
        foreach (var r in rows)
        {
            Assert.Equal(4, r.Length);
            Assert.All(r.Skip(1), v => Assert.Matches(@"^0\.\d{4}$", v));
            var risks = r.Skip(1).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            Assert.True(risks[0] <= risks[1] && risks[1] <= risks[2], string.Join(",", r));
        }
    }

    [Fact]
    public async Task Nazorg_RegionAndCapacity_TheWorklistGrpcAndTheConsoleGiveInTheirOrderAndTheReadIsAudited()
    {
        using var dir = new TempDirectory();
        fixture.CopyData(dir.File("data"), withModels: true);

        var run = (await HerinstroomFixture.Cli("nazorg", "--region", "AM", "--capacity", "5", "--json", "--data", dir.File("data"))).AssertExit(ExitCodes.Ok);

        var answer = System.Text.Json.Nodes.JsonNode.Parse(run.LastLine)!;
        Assert.Equal(fixture.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (string?)answer["as_of"]);
        var expected = fixture.Scorer.NazorgWorklist("AM", fixture.AsOf, 5);
        var entries = answer["entries"]!.AsArray();
        Assert.Equal(expected.Select(e => e.PlacementId), entries.Select(e => (string?)e!["placement_id"]));
        Assert.All(entries, e => Assert.NotEmpty(e!["factors"]!.AsArray()));
        using var audit = Engine.Audit.AuditLogs.OpenAuditLog(new Engine.DataLayout(dir.File("data")).Store);
        var trail = Engine.Audit.AuditTrailQuery.For(null, $"cli:{Environment.UserName}", 100).Run(audit);
        Assert.Equal(expected.Select(e => e.CandidateId).Distinct().Count(), trail.Count(t => t.Purpose == Engine.Access.AuditPurposes.NazorgWorklist("AM")));
    }

    [Fact]
    public async Task Nazorg_RegionNoCandidateLivesIn_ExitsOneNamingTheRegionsThatHaveCandidates()
    {
        var run = (await HerinstroomFixture.Cli("nazorg", "--region", "XX", "--json", "--data", fixture.DataDirectory)).AssertExit(ExitCodes.Failure);
        Assert.Contains("region: 'XX' is onbekend: geen kandidaat woont er; er zijn kandidaten in AM en GV", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Herinstroom_NoPromotedModel_ExitsOneSayingHowToTrain()
    {
        using var dir = new TempDirectory();
        EmptyStore(dir.File("data"));

        var run = await HerinstroomFixture.Cli("herinstroom", "--data", dir.File("data"), "--as-of", "2025-06-30", "--out", dir.File("risk.csv"));

        run.AssertExit(ExitCodes.Failure);
        Assert.Contains("matchengine train herinstroom", run.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("risk.csv")));
    }

    [Fact]
    public async Task Train_UnknownModel_IsUsageError()
    {
        using var dir = new TempDirectory();
        EmptyStore(dir.File("data"));
        var run = (await HerinstroomFixture.Cli("train", "nothing", "--data", dir.File("data"))).AssertExit(ExitCodes.Failure);
        Assert.Contains("herinstroom", run.Err, StringComparison.Ordinal);
    }

    /// <summary>An empty store, as import leaves it for an empty folder: the CLI refuses a data directory without one.</summary>
    private static void EmptyStore(string data) => Engine.Catalog.CatalogService.Open(new Engine.DataLayout(data), TimeProvider.System).Dispose();
}
