using Google.Rpc;
using Grpc.Core;
using MatchEngine.Api.V1;
using MatchEngine.Tests.Support;
using GrpcStatusCode = Grpc.Core.StatusCode;

namespace MatchEngine.Tests.Risk;

[Collection(HerinstroomCollection.Name)]
public sealed class RiskServiceTests(HerinstroomFixture fixture)
{
    private string AsOf => fixture.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task RiskService_TrainedModel_ScoresAndListsOverARealChannel()
    {
        await using var server = await ApiServer.StartAsync(prepareData: data => fixture.CopyData(data, withModels: true));
        var client = new MatchEngine.Api.V1.Risk.RiskClient(server.Channel);

        var list = await client.NazorgWorklistAsync(new NazorgWorklistRequest { Region = "GV", AsOf = AsOf, Capacity = 10 });
        Assert.Equal(10, list.Entries.Count);
        Assert.Equal(list.Entries.Select(e => e.Risk6MConditional).OrderDescending(), list.Entries.Select(e => e.Risk6MConditional));
        Assert.Equal(fixture.Scorer.NazorgWorklist("GV", fixture.AsOf, 10).Select(e => (e.PlacementId, e.EmployerName)),
            list.Entries.Select(e => (e.PlacementId, e.EmployerName)));
        Assert.All(list.Entries, e => Assert.NotEmpty(e.EmployerName));

        var score = await client.ScoreHerinstroomAsync(new ScoreHerinstroomRequest { PlacementId = list.Entries[0].PlacementId });
        Assert.InRange(score.Risk6M, 0, score.Risk12M);
        Assert.InRange(score.Risk24M, score.Risk12M, 1);
        Assert.NotEmpty(score.Factors);
        Assert.Equal(fixture.Registry.Promoted("herinstroom"), score.ModelVersion);
    }

    [Fact]
    public async Task RiskService_UnknownPlacementAndBadArguments_AreNotFoundAndInvalidArgument()
    {
        await using var server = await ApiServer.StartAsync(prepareData: data => fixture.CopyData(data, withModels: true));
        var client = new MatchEngine.Api.V1.Risk.RiskClient(server.Channel);

        var missing = await Assert.ThrowsAsync<RpcException>(() => client.ScoreHerinstroomAsync(new ScoreHerinstroomRequest { PlacementId = "p-unknown" }).ResponseAsync);
        Assert.Equal(GrpcStatusCode.NotFound, missing.StatusCode);
        var badDate = await Assert.ThrowsAsync<RpcException>(() => client.NazorgWorklistAsync(new NazorgWorklistRequest { Region = "GV", AsOf = "30-06-2025", Capacity = 5 }).ResponseAsync);
        Assert.Equal(GrpcStatusCode.InvalidArgument, badDate.StatusCode);
        Assert.Equal("as_of", badDate.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
        var badCapacity = await Assert.ThrowsAsync<RpcException>(() => client.NazorgWorklistAsync(new NazorgWorklistRequest { Region = "GV", AsOf = AsOf, Capacity = 0 }).ResponseAsync);
        Assert.Equal(GrpcStatusCode.InvalidArgument, badCapacity.StatusCode);
        Assert.Equal("capacity", badCapacity.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
    }

    [Fact]
    public async Task RiskService_NoTrainedModel_IsFailedPrecondition()
    {
        await using var server = await ApiServer.StartAsync(prepareData: data => fixture.CopyData(data, withModels: false));
        var client = new MatchEngine.Api.V1.Risk.RiskClient(server.Channel);
        var placement = fixture.Scorer.NazorgWorklist("GV", fixture.AsOf, 1)[0].PlacementId;

        var e = await Assert.ThrowsAsync<RpcException>(() => client.ScoreHerinstroomAsync(new ScoreHerinstroomRequest { PlacementId = placement }).ResponseAsync);

        Assert.Equal(GrpcStatusCode.FailedPrecondition, e.StatusCode);
        Assert.Contains("train herinstroom", e.Status.Detail, StringComparison.Ordinal);
    }
}
