using MatchEngine.Engine.Access;
using System.Text.Json.Nodes;
using Grpc.Core;
using MatchEngine.Api.Security;
using MatchEngine.Api.V1;
using MatchEngine.Tests.Support;
using GrpcStatusCode = Grpc.Core.StatusCode;

namespace MatchEngine.Tests.Api;

/// <summary>The Models service over gRPC: the data scientist's loop of training with a config, reading the report, evaluating, promoting and rolling back.</summary>
public sealed class ModelsServiceTests(TrainedRegion region) : IClassFixture<TrainedRegion>, IAsyncLifetime
{
    private ApiServer _server = null!;

    public async Task InitializeAsync() => _server = await ApiServer.StartAsync(prepareData: region.CopyDataTo, clock: new FixedClock(TrainedRegion.Today),
        settings: new Dictionary<string, string?> { ["MatchEngine:ModelPollSeconds"] = "1" });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task PromoteAnotherVersion_IsServedWithoutARestartAndRollsBack()
    {
        var models = new MatchEngine.Api.V1.Models.ModelsClient(_server.ChannelFor(Roles.DataScientist));
        var versions = (await models.ListAsync(new ListModelsRequest { Name = "ranker" })).Versions;
        var current = versions.Single(v => v.Promoted).Version;
        var other = versions.First(v => !v.Promoted).Version;
        Assert.True(versions.All(v => v.Metrics.ContainsKey("ndcg@10")));

        await models.PromoteAsync(new PromoteRequest { Version = other, Reason = "compare in production" });
        var match = new Match.MatchClient(_server.Channel);
        var vacancy = region.World.Vacancies.First(v => v.IsOpenOn(TrainedRegion.Today)).Id;
        Assert.Equal(other, await ServedVersion(match, vacancy, other));

        Assert.Equal(current, (await models.RollbackAsync(new RollbackRequest { Name = "ranker" })).Promoted);
        Assert.Equal(current, await ServedVersion(match, vacancy, current));
    }

    [Fact]
    public async Task Models_AccountmanagerIsRefused()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => new MatchEngine.Api.V1.Models.ModelsClient(_server.ChannelFor(Roles.Accountmanager,
            "GV")).ListAsync(new ListModelsRequest()).ResponseAsync);
        Assert.Equal(GrpcStatusCode.PermissionDenied, e.StatusCode);
    }

    [Fact]
    public async Task Train_Leerwerk_OverGrpcReturnsMetrics()
    {
        var response = await new MatchEngine.Api.V1.Models.ModelsClient(_server.ChannelFor(Roles.DataScientist)).TrainAsync(new TrainRequest { Name = "leerwerk" });
        Assert.Contains("\"auc\":", response.MetricsJson, StringComparison.Ordinal);
    }

    private static async Task<string> ServedVersion(Match.MatchClient match, string vacancy, string expected)
    {
        var version = "";
        for (var i = 0; i < 50 && version != expected; i++)
        {
            version = (await match.ShortlistAsync(new ShortlistRequest { VacancyId = vacancy, Top = 1 })).ModelVersion;
            if (version != expected) await Task.Delay(200);
        }
        return version;
    }

    [Fact]
    public async Task TrainEvaluatePromoteRollback_Ranker_OverGrpc()
    {
        var models = new MatchEngine.Api.V1.Models.ModelsClient(_server.ChannelFor(Roles.DataScientist));
        var before = (await models.ListAsync(new ListModelsRequest { Name = "ranker" })).Versions.Single(v => v.Promoted).Version;

        var trained = await models.TrainAsync(new TrainRequest { Name = "ranker", ConfigJson = """{ "trees": 15, "seed": 5 }""" });
        var json = JsonNode.Parse(trained.MetricsJson)!;
        var best = json["best"]!.GetValue<string>();
        Assert.Equal(json["report"]!.GetValue<string>(), trained.ReportPath);
        Assert.Contains("## Belang van de kenmerken (permutatie)", trained.ReportMarkdown, StringComparison.Ordinal);
        Assert.Contains(before, trained.ReportMarkdown, StringComparison.Ordinal);

        var evaluated = await models.EvaluateAsync(new EvaluateRequest { Version = before });
        Assert.Contains("\"this\":", evaluated.MetricsJson, StringComparison.Ordinal);
        Assert.Contains("ips ndcg@10", evaluated.ReportMarkdown, StringComparison.Ordinal);

        var listed = (await models.ListAsync(new ListModelsRequest { Name = "ranker" })).Versions.Single(v => v.Promoted);
        Assert.Equal(best, listed.Version);
        Assert.Equal(trained.ReportPath, listed.ReportPath);
        Assert.Equal("15", listed.Config["trees"]);
        Assert.Equal(before, (await models.RollbackAsync(new RollbackRequest { Name = "ranker" })).Promoted);
        await models.PromoteAsync(new PromoteRequest { Version = best, Reason = "after reading the report" });
        Assert.Equal(best, (await models.ListAsync(new ListModelsRequest { Name = "ranker" })).Versions.Single(v => v.Promoted).Version);
    }

    [Fact]
    public async Task FairnessGate_DataScientist_CannotLowerItSkipItOrOverrideIt()
    {
        var scientist = new MatchEngine.Api.V1.Models.ModelsClient(_server.ChannelFor(Roles.DataScientist));
        var admin = new MatchEngine.Api.V1.Models.ModelsClient(_server.ChannelFor(Roles.Admin));
        var policy = await admin.SetFairnessThresholdAsync(new SetFairnessThresholdRequest { Threshold = 1.5, Reason = "no model may pass unreviewed" });
        Assert.Equal("test-admin", policy.SetBy);
        Assert.Equal(1.5, (await scientist.GetFairnessPolicyAsync(new GetFairnessPolicyRequest())).Threshold);

        var lower = await Assert.ThrowsAsync<RpcException>(() => scientist.SetFairnessThresholdAsync(new SetFairnessThresholdRequest { Threshold = 0, Reason = "x" }).ResponseAsync);
        Assert.Equal(GrpcStatusCode.PermissionDenied, lower.StatusCode);
        var inConfig = await Assert.ThrowsAsync<RpcException>(() => scientist.TrainAsync(new TrainRequest { Name = "ranker", ConfigJson = """{ "fairness_threshold": 0 }""" }).ResponseAsync);
        Assert.Equal(GrpcStatusCode.InvalidArgument, inConfig.StatusCode);
        Assert.Contains("is beleid, geen trainingsinstelling", inConfig.Status.Detail, StringComparison.Ordinal);

        var before = (await scientist.ListAsync(new ListModelsRequest { Name = "ranker" })).Versions.Single(v => v.Promoted).Version;
        var trained = JsonNode.Parse((await scientist.TrainAsync(new TrainRequest { Name = "ranker", ConfigJson = """{ "trees": 5 }""" })).MetricsJson)!;
        var best = trained["best"]!.GetValue<string>();
        Assert.Equal(before, (await scientist.ListAsync(new ListModelsRequest { Name = "ranker" })).Versions.Single(v => v.Promoted).Version);

        var plain = await Assert.ThrowsAsync<RpcException>(() => scientist.PromoteAsync(new PromoteRequest { Version = best, Reason = "looks fine" }).ResponseAsync);
        Assert.Equal(GrpcStatusCode.FailedPrecondition, plain.StatusCode);
        var overridden = await Assert.ThrowsAsync<RpcException>(() => scientist.PromoteAsync(new PromoteRequest { Version = best, Reason = "r", OverrideFairness = "trust me" }).ResponseAsync);
        Assert.Equal(GrpcStatusCode.PermissionDenied, overridden.StatusCode);

        await admin.PromoteAsync(new PromoteRequest { Version = best, Reason = "pilot", OverrideFairness = "reviewed with the privacy officer" });
        var last = (await scientist.ListAsync(new ListModelsRequest { Name = "ranker" })).History.Last();
        Assert.Equal((best, "test-admin", "reviewed with the privacy officer"), (last.Version, last.User, last.FairnessOverride));
    }

    [Fact]
    public async Task Train_MalformedConfig_IsInvalidArgument()
    {
        var models = new MatchEngine.Api.V1.Models.ModelsClient(_server.ChannelFor(Roles.DataScientist));
        var e = await Assert.ThrowsAsync<RpcException>(() => models.TrainAsync(new TrainRequest { Name = "ranker", ConfigJson = """{ "tress": 5 }""" }).ResponseAsync);
        Assert.Equal(GrpcStatusCode.InvalidArgument, e.StatusCode);
        var versions = (await models.ListAsync(new ListModelsRequest())).Versions.Count;
        var range = await Assert.ThrowsAsync<RpcException>(() => models.TrainAsync(new TrainRequest { Name = "ranker", ConfigJson = """{ "trees": -5 }""" }).ResponseAsync);
        Assert.Equal((GrpcStatusCode.InvalidArgument, "config_json: trees: moet 1–10.000 zijn, niet -5"), (range.StatusCode, range.Status.Detail));
        Assert.Equal(versions, (await models.ListAsync(new ListModelsRequest())).Versions.Count);
    }

    [Fact]
    public async Task Evaluate_UnknownVersionOrAccountmanager_IsRefused()
    {
        var models = new MatchEngine.Api.V1.Models.ModelsClient(_server.ChannelFor(Roles.DataScientist));
        var unknown = await Assert.ThrowsAsync<RpcException>(() => models.EvaluateAsync(new EvaluateRequest { Version = "ranker-v0999" }).ResponseAsync);
        Assert.Equal(GrpcStatusCode.NotFound, unknown.StatusCode);
        var denied = await Assert.ThrowsAsync<RpcException>(() => new MatchEngine.Api.V1.Models.ModelsClient(_server.ChannelFor(Roles.Accountmanager, "GV"))
            .EvaluateAsync(new EvaluateRequest { Version = "ranker-v0001" }).ResponseAsync);
        Assert.Equal(GrpcStatusCode.PermissionDenied, denied.StatusCode);
    }
}
