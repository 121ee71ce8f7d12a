using MatchEngine.Models.Ranking;
using MatchEngine.Tests.Support;
using MatchEngine.Training.Ranking;
using MatchEngine.Training.Synth;

namespace MatchEngine.Tests.Ranking;

public sealed class ProposalPredictabilityTests(TrainedRegion region) : IClassFixture<TrainedRegion>
{
    [Fact]
    public void Run_HeuristicHistory_IsPredictableInPartAndNotNarrow()
    {
        var p = region.Run.Predictability;
        Assert.Equal(region.Run.Evaluator.Holdout.WholePool.Groups.Count, p.Groups);
        Assert.InRange(p.Auc, 0.55, ProposalPredictability.NarrowFrom);
        Assert.False(p.IsNarrow);
    }

    [Fact]
    public void Run_TextSearchHistory_IsNarrowAndPromotesALinearModelWhereTheRecordedOutcomesFavourATree()
    {
        // Trees of 24 leaves learn who a text search proposes, which the whole pool's recorded outcomes reward.
        using var text = TrainedRegion.Of(new SynthOptions(Seed: 5, Candidates: 1500, Vacancies: 200) { HistoryPolicy = HistoryPolicy.Text, Truth = TruthShape.Stepped },
            new RankerOptions(Trees: 40, Leaves: 24, MinExamplesPerLeaf: 20));
        var run = text.Run;

        Assert.True(run.Predictability.IsNarrow, $"AUC {run.Predictability.Auc:0.000}");
        var linear = new[] { RankerVariant.Of(RankerKind.Logistic, false), RankerVariant.Of(RankerKind.SplineLogistic, false) };
        var promoted = run.Models.Single(m => m.Version == run.Promoted);
        Assert.Contains(promoted.Name, linear);
        Assert.Contains(run.Models, m => m.Version is not null && !linear.Contains(m.Name) && m.WholePool.Ndcg10 > promoted.WholePool.Ndcg10);
    }
}
