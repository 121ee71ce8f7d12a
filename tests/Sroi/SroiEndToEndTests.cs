using System.Globalization;
using System.Text.Json;
using Grpc.Core;
using MatchEngine.Api.V1;
using MatchEngine.Tests.Support;
using MatchEngine.Training.Cli;
using GrpcStatusCode = Grpc.Core.StatusCode;

namespace MatchEngine.Tests.Sroi;

public sealed class SroiEndToEndTests(TrainedRegion region) : IClassFixture<TrainedRegion>, IAsyncLifetime
{
    private static readonly string AsOf = TrainedRegion.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private ApiServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await ApiServer.StartAsync(prepareData: region.CopyDataTo, clock: new FixedClock(TrainedRegion.Today));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private MatchEngine.Api.V1.Sroi.SroiClient Client => new(_server.Channel);

    private string RunningContractWithOpenVacancies() => region.World.SroiContracts
        .Where(c => c.End >= TrainedRegion.Today && c.Start <= TrainedRegion.Today)
        .First(c => region.World.Vacancies.Any(v => v.EmployerId == c.EmployerId && v.IsOpenOn(TrainedRegion.Today))).Id;

    private static decimal Eur(string s) => decimal.Parse(s, NumberStyles.Number, CultureInfo.InvariantCulture);

    [Fact]
    public async Task ContractProgress_OverGrpc_MoneyAddsUpAndPlacementsAreAtTheContractor()
    {
        var id = RunningContractWithOpenVacancies();
        var contract = region.World.SroiContracts.Single(c => c.Id == id);

        var p = await Client.ContractProgressAsync(new ContractProgressRequest { ContractId = id, AsOf = AsOf });

        Assert.Matches(@"^\d+\.\d{2}$", p.ObligationEur);
        Assert.Equal(Math.Round(contract.ContractValueEur * contract.ObligationPct / 100m, 2), Eur(p.ObligationEur));
        Assert.Equal(p.ContractDays, p.ElapsedDays + p.RemainingDays);
        Assert.Equal(Eur(p.RealisedEur), p.Placements.Sum(x => Eur(x.Realised.ValueEur)) + Eur(p.Withheld.RealisedEur));
        var employerOf = region.World.Placements.ToDictionary(x => x.Id, x => x.EmployerId);
        Assert.All(p.Placements, x => Assert.Equal(contract.EmployerId, employerOf[x.PlacementId]));
        Assert.All(p.Placements, x => Assert.Equal(x.Realised.Days, x.Days()));
        Assert.Equal(p.AtRisk, Eur(p.AtRiskEur) > 0);
    }

    [Fact]
    public async Task FindPlacements_OverGrpc_RanksOpportunitiesByExpectedEurosWithUpToThreeCandidates()
    {
        var response = await Client.FindPlacementsAsync(new FindPlacementsRequest { ContractId = RunningContractWithOpenVacancies(), AsOf = AsOf, Top = 5 });

        Assert.NotEmpty(response.Opportunities);
        Assert.InRange(response.Opportunities.Count, 1, 5);
        var expected = response.Opportunities.Select(o => Eur(o.ExpectedEur)).ToArray();
        Assert.Equal(expected.OrderByDescending(e => e), expected);
        Assert.All(response.Opportunities, o =>
        {
            Assert.InRange(o.Candidates.Count, 1, 3);
            Assert.InRange(o.SuccessChance, 0, 1);
            Assert.Contains(o.Kind, new[] { "vacancy", "carved_role" });
            Assert.Equal(o.Kind == "vacancy" ? "bijstand" : "carved_role", o.Value.Block);
        });
    }

    [Fact]
    public async Task FindPlacements_OverGrpc_SuggestsNobodyWhoHoldsAJobOnAsOf()
    {
        var jobs = MatchEngine.Engine.Catalog.CurrentJobs.On(region.World.Placements, TrainedRegion.Today);
        var contracts = region.World.SroiContracts.Where(c => c.End >= TrainedRegion.Today && c.Start <= TrainedRegion.Today)
            .Where(c => region.World.Vacancies.Any(v => v.EmployerId == c.EmployerId && v.IsOpenOn(TrainedRegion.Today))).Take(3).ToArray();
        var suggested = new List<string>();
        foreach (var contract in contracts)
        {
            var response = await Client.FindPlacementsAsync(new FindPlacementsRequest { ContractId = contract.Id, AsOf = AsOf, Top = 5 });
            suggested.AddRange(response.Opportunities.SelectMany(o => o.Candidates).Select(c => c.CandidateId));
        }
        Assert.NotEmpty(suggested);
        Assert.All(suggested, id => Assert.Null(jobs.Of(id)));
    }

    [Fact]
    public async Task Worklist_OverGrpc_OmitsEndedContractsAndOrdersByEurosAtRisk()
    {
        var response = await Client.WorklistAsync(new WorklistRequest { AsOf = AsOf });

        var live = region.World.SroiContracts.Where(c => c.End >= TrainedRegion.Today).Select(c => c.Id).Order(StringComparer.Ordinal);
        Assert.Equal(live, response.Contracts.Select(c => c.Progress.ContractId).Order(StringComparer.Ordinal));
        var atRisk = response.Contracts.Select(c => Eur(c.Progress.AtRiskEur)).ToArray();
        Assert.Equal(atRisk.OrderByDescending(a => a), atRisk);
    }

    [Fact]
    public async Task ContractProgress_UnknownContractOrBadDate_IsNotFoundOrInvalidArgument()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => Client.ContractProgressAsync(new ContractProgressRequest { ContractId = "nope" }).ResponseAsync);
        Assert.Equal(GrpcStatusCode.NotFound, e.StatusCode);
        var bad = await Assert.ThrowsAsync<RpcException>(() => Client.WorklistAsync(new WorklistRequest { AsOf = "30-06-2025" }).ResponseAsync);
        Assert.Equal(GrpcStatusCode.InvalidArgument, bad.StatusCode);
    }

    [Fact]
    public async Task ClaimPlacement_OverlappingContractOfTheSameContractor_IsFailedPreconditionNamingBoth()
    {
        var id = RunningContractWithOpenVacancies();
        var original = region.World.SroiContracts.Single(c => c.Id == id);
        var progress = await Client.ContractProgressAsync(new ContractProgressRequest { ContractId = id, AsOf = AsOf });
        var counted = Assert.IsType<CountedPlacement>(progress.Placements.FirstOrDefault(), exactMatch: false);
        await new Catalog.CatalogClient(_server.Channel).UpsertOneAsync(new MatchEngine.Api.V1.Record
        {
            SroiContract = new MatchEngine.Api.V1.SroiContract
            {
                Id = "sroi-overlap", EmployerId = original.EmployerId, ContractValueEur = 1_000_000, ObligationPct = 5,
                Start = original.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), End = original.End.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            },
        });

        var e = await Assert.ThrowsAsync<RpcException>(() => Client.ClaimPlacementAsync(new ClaimPlacementRequest { ContractId = "sroi-overlap", PlacementId = counted.PlacementId }).ResponseAsync);

        Assert.Equal(GrpcStatusCode.FailedPrecondition, e.StatusCode);
        Assert.Contains($"telt al mee voor SROI-contract {id} (via ", e.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("geweigerd voor SROI-contract sroi-overlap", e.Status.Detail, StringComparison.Ordinal);
        var after = await Client.ContractProgressAsync(new ContractProgressRequest { ContractId = id, AsOf = AsOf });
        Assert.Contains("sroi-overlap", after.Placements.Single(x => x.PlacementId == counted.PlacementId).AlsoEligible);
    }

    [Fact]
    public async Task SroiCli_ContractAndWorklist_PrintJsonThatAddsUp()
    {
        using var dir = new TempDirectory();
        var data = dir.File("data");
        region.CopyDataTo(data);
        var id = RunningContractWithOpenVacancies();

        var (_, stdout, _) = (await Cli("sroi", "--contract", id, "--as-of", AsOf, "--top", "3", "--data", data, "--json")).AssertSucceeded();

        using var json = JsonDocument.Parse(stdout);
        var progress = json.RootElement.GetProperty("progress");
        Assert.Equal(id, progress.GetProperty("contract_id").GetString());
        var obligation = progress.GetProperty("obligation_eur").GetDecimal();
        var projected = progress.GetProperty("projected_eur").GetDecimal();
        Assert.Equal(Math.Max(0, obligation - projected), progress.GetProperty("at_risk_eur").GetDecimal(), 2);
        Assert.InRange(json.RootElement.GetProperty("opportunities").GetArrayLength(), 1, 3);

        var (_, listOut, _) = (await Cli("sroi", "--worklist", "--as-of", AsOf, "--data", data, "--json")).AssertSucceeded();
        using var list = JsonDocument.Parse(listOut);
        Assert.NotEmpty(list.RootElement.GetProperty("contracts").EnumerateArray());

        var (_, _, stderr) = (await Cli("sroi", "--contract", "nope", "--data", data, "--json")).AssertExit(ExitCodes.Failure);
        Assert.Contains("'nope' bestaat niet", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SroiCli_Claim_AnswersAsTheServiceDoes()
    {
        using var dir = new TempDirectory();
        var data = dir.File("data");
        region.CopyDataTo(data);
        var id = RunningContractWithOpenVacancies();
        var (_, progressOut, _) = await Cli("sroi", "--contract", id, "--as-of", AsOf, "--top", "0", "--data", data, "--json");
        using var progress = JsonDocument.Parse(progressOut);
        var counted = progress.RootElement.GetProperty("placements").EnumerateArray().First();
        var placementId = counted.GetProperty("placement_id").GetString()!;

        var (_, stdout, _) = (await Cli("sroi", "--contract", id, "--claim", placementId, "--data", data, "--json")).AssertSucceeded();

        using var claimed = JsonDocument.Parse(stdout);
        Assert.Equal(placementId, claimed.RootElement.GetProperty("placement_id").GetString());
        Assert.Equal(id, claimed.RootElement.GetProperty("contract_id").GetString());
        Assert.Equal(counted.GetProperty("rule").GetString(), claimed.RootElement.GetProperty("rule").GetString()); // already counted: idempotent

        var contractor = region.World.SroiContracts.Single(c => c.Id == id).EmployerId;
        var other = region.World.SroiContracts.First(c => c.EmployerId != contractor).Id;
        var (_, _, stderr) = (await Cli("sroi", "--contract", other, "--claim", placementId, "--data", data, "--json")).AssertExit(ExitCodes.Failure);
        Assert.Contains($"plaatsing {placementId} is bij werkgever {contractor}", stderr, StringComparison.Ordinal);

        var (_, _, usage) = (await Cli("sroi", "--contract", id, "--claim", placementId, "--as-of", AsOf, "--data", data, "--json")).AssertExit(ExitCodes.Failure);
        Assert.Contains("--as-of en --valuation gelden niet bij --claim", usage, StringComparison.Ordinal);
    }

    private static Task<CliResult> Cli(params string[] args) => CliRun.RunAsync([new SroiCommand()], new FixedClock(TrainedRegion.Today), args);
}
