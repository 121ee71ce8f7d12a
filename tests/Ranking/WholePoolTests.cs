using System.Text.Json.Nodes;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Ranking;
using MatchEngine.Models.Registry;
using MatchEngine.Tests.Support;
using MatchEngine.Training.Cli;
using MatchEngine.Training.Ranking;
using MatchEngine.Training.Synth;

namespace MatchEngine.Tests.Ranking;

public sealed class WholePoolTests(TrainedRegion region) : IClassFixture<TrainedRegion>
{
    [Fact]
    public void Compute_HiresFoundLateOrNotRetrieved_CountAgainstRecallMrrAndNdcg()
    {
        // Group 1: an invitation at rank 3 and a hire retrieval missed; group 2: a hire at rank 1.
        var m = WholePoolMetrics.Compute([([0, 0, 1, 0], [2]), ([2, 0], [])]);
        Assert.Equal(2, m.Groups);
        Assert.Equal(2 / 3.0, m.Recall10, 10);
        Assert.Equal(0.5, m.HireRecall10, 10);
        Assert.Equal((1 / 3.0 + 1) / 2, m.Mrr, 10);
        var first = (1 / Math.Log2(4)) / (3 + 1 / Math.Log2(3));
        Assert.Equal((first + 1) / 2, m.Ndcg10, 10);
    }

    [Fact]
    public void PlattScaling_SampleFromALogisticCurve_RecoversItsSlopeAndIntercept()
    {
        var random = new Random(3);
        var pairs = Enumerable.Range(0, 20_000).Select(_ =>
        {
            var s = random.NextDouble() * 8 - 4;
            return (s, random.NextDouble() < 1 / (1 + Math.Exp(-(1.5 * s - 0.7))));
        }).ToArray();
        var fit = PlattScaling.Fit(pairs);
        Assert.Equal(1.5, fit.A, 1);
        Assert.Equal(-0.7, fit.B, 1);
        Assert.Equal(1 / (1 + Math.Exp(-(fit.A * 2 + fit.B))), fit.Chance(2), 12);
    }

    [Fact]
    public void PlattScaling_OneClassOnly_GivesTheSmoothedBaseRate() =>
        Assert.InRange(PlattScaling.Fit([(1.0, false), (2.0, false), (3.0, false)]).Chance(10), 0.2, 0.3);

    [Fact]
    public void Run_WholePool_RanksEveryRetrievedCandidateOfTheHeldOutVacanciesWithAnOutcome()
    {
        var pool = region.Run.Evaluator.Holdout.WholePool;
        var withOutcome = region.Run.Evaluator.Holdout.Test.Count(g => g.Labels.Any(l => l > 0));
        Assert.Equal(withOutcome, pool.Groups.Count);
        Assert.All(pool.Groups, g =>
        {
            Assert.True(g.CandidateIds.Count > g.Logged.CandidateIds.Count, "the whole pool holds more than the proposed");
            Assert.Equal(g.Logged.Labels.Count(l => l > 0), g.Labels.Count(l => l > 0) + g.Missed.Count);
        });
        Assert.InRange(pool.RetrievalRecall, 0.5, 1.0);
    }

    [Fact]
    public void Logistic_TrainedOnTheSamePairs_RanksTheWholePoolBetterThanChance()
    {
        var logistic = region.Run.Models.Single(m => m.Name == "logistic").WholePool;
        var pool = region.Run.Evaluator.Holdout.WholePool;
        var random = new Random(1);
        var chance = pool.Evaluate(f => [.. f.Select(_ => random.NextDouble())]);
        Assert.True(logistic.Ndcg10 > chance.Ndcg10 + 0.05, $"logistic {logistic.Ndcg10:0.000} against random {chance.Ndcg10:0.000}");
    }

    [Fact]
    public void TruthGains_TheTruthsOwnRanking_ScoresOneAndEveryModelAtMostThat()
    {
        using var catalog = CatalogService.Open(region.Layout, TimeProvider.System);
        var pool = region.Run.Evaluator.Holdout.WholePool;
        var truth = new TruthGains(catalog, pool);
        var throughRetrieval = truth.Ndcg10(pool, g => [.. g.CandidateIds.Select(id => truth.Of(g.Logged.Vacancy.Id, id))]);
        var bm25 = truth.Ndcg10(pool, g => RankerScorer.Bm25.Score(g.Features));
        Assert.InRange(throughRetrieval, 0.8, 1.0 + 1e-9);
        Assert.True(bm25 < throughRetrieval - 0.05, $"bm25 {bm25:0.000} against the truth through retrieval {throughRetrieval:0.000}");
    }

    [Fact]
    public void ExpectedSigmoid_NoiseAroundTheLogOdds_PullsTheChanceTowardOneHalf()
    {
        Assert.Equal(0.5, TruthGains.ExpectedSigmoid(0, 0.6), 9);
        Assert.Equal(Compatibility.Sigmoid(1.5), TruthGains.ExpectedSigmoid(1.5, 0), 9);
        Assert.InRange(TruthGains.ExpectedSigmoid(2, 0.6), 0.85, Compatibility.Sigmoid(2) - 0.005);
        Assert.Equal(1 - TruthGains.ExpectedSigmoid(2, 0.6), TruthGains.ExpectedSigmoid(-2, 0.6), 9);
    }

    [Fact]
    public void ChanceOfThePromotedModel_OverTheWholePool_IsCloseToTheTruthsChanceOfAnInvitation()
    {
        using var catalog = CatalogService.Open(region.Layout, TimeProvider.System);
        var registry = new ModelRegistry(region.Layout.ModelsPath, TimeProvider.System);
        var manifest = registry.Require(region.Run.Best);
        var model = RankerModels.Load(manifest, registry.DirectoryOf(region.Run.Best));
        var pool = region.Run.Evaluator.Holdout.WholePool;
        var truth = new TruthGains(catalog, pool);
        Func<WholePoolGroup, IReadOnlyList<double>> score = g => [.. model.Score(g.Features).Select(x => (double)x)];

        var calibration = ChanceCalibration.Of(manifest)!;
        var calibrated = WholePoolChance.Against(truth, pool, score, calibration);
        var overconfident = WholePoolChance.Against(truth, pool, score, calibration with { A = 2 * calibration.A });

        static double Gap(Dictionary<string, object> c) =>
            ((object[])c["deciles"]).Cast<Dictionary<string, object>>().Max(d => Math.Abs((double)d["predicted"] - (double)d["truth"]));
        var top = (Dictionary<string, object>)calibrated["top10"];
        Assert.True(Math.Abs((double)top["predicted"] - (double)top["truth"]) < 0.06, $"top 10: predicted {top["predicted"]}, truth {top["truth"]}");
        Assert.True(Gap(calibrated) < 0.06, $"largest decile gap {Gap(calibrated):0.000}");
        Assert.True(Gap(overconfident) > 0.06, $"twice as steep: largest decile gap {Gap(overconfident):0.000}");
    }

    [Fact]
    public async Task CeilingCli_TrainedRegion_PrintsWholePoolNdcgAgainstTheTruthPerModel()
    {
        using var dir = new TempDirectory();
        region.CopyDataTo(dir.File("data"));
        var run = (await CliRun.RunAsync([new CeilingCommand()], new FixedClock(TrainedRegion.Today), "ceiling", "--data", dir.File("data"))).AssertSucceeded();
        var json = JsonNode.Parse(run.LastLine)!;
        Assert.Equal("additive", json["truth_shape"]!.GetValue<string>());
        Assert.Contains("(the default: no synth.json in the data directory)", run.Err, StringComparison.Ordinal);
        var models = json["whole_pool"]!.AsObject();
        foreach (var name in new[] { "truth", "promoted", "lambdamart", "lightgbm", "lambdamart+pool", "lightgbm+pool", "logistic", "bm25", "rule" })
        {
            Assert.True(models.ContainsKey(name), name);
            Assert.True(models[name]!.AsObject().ContainsKey("recall@10"));
        }
        double Truth(string name) => models[name]!["truth_ndcg@10"]!.GetValue<double>();
        Assert.Equal(1.0, Truth("truth"), 6);
        var top = json["promoted_chance"]!["top10"]!;
        Assert.Equal(10 * json["whole_pool_groups"]!.GetValue<int>(), top["pairs"]!.GetValue<int>());
        Assert.True(Math.Abs(top["predicted"]!.GetValue<double>() - top["truth"]!.GetValue<double>()) < 0.06, top.ToJsonString());
        Assert.True(Truth("bm25") < Truth("lambdamart") && Truth("lambdamart") < Truth("truth"), $"bm25 {Truth("bm25"):0.000}, lambdamart {Truth("lambdamart"):0.000}");
    }
}
