using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Matching;
using MatchEngine.Tests.Support;
using MatchEngine.Training.Ranking;
using MatchEngine.Training.Synth;

namespace MatchEngine.Tests.Ranking;

public sealed class RankingCeilingTests(TrainedRegion region) : IClassFixture<TrainedRegion>
{
    [Fact]
    public void Ceiling_OnTheRankersHeldOutSplit_IsAboveTheBaselinesAndBelowOne()
    {
        using var catalog = CatalogService.Open(region.Layout, TimeProvider.System);
        var groups = RankingDataset.Build(catalog, new CandidatePool(catalog.Store), null);
        var (oracle, testGroups, split) = RankingCeiling.Measure(catalog, groups);

        Assert.Equal(region.Run.TestGroups, testGroups);
        Assert.Equal(region.Run.SplitDate, split);
        var bm25 = region.Run.Models.Single(r => r.Name == "bm25").Metrics.Ndcg10;
        var rule = region.Run.Models.Single(r => r.Name == "rule").Metrics.Ndcg10;
        Assert.InRange(oracle.Ndcg10, Math.Max(bm25, rule), 0.999);
    }
}
