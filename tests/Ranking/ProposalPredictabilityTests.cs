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
    public void Run_TextSearchHistory_IsNarrowAndPromotesALinearModelWhereTheHistoryAloneWouldPromoteATree()
    {
        // Trees of 24 leaves: on this small region they win both held-out comparisons (the 8-leaf default's do not).
        using var text = TrainedRegion.Of(new SynthOptions(Seed: 5, Candidates: 1500, Vacancies: 200) { HistoryPolicy = HistoryPolicy.Text, Truth = TruthShape.Stepped },
            new RankerOptions(Trees: 40, Leaves: 24, MinExamplesPerLeaf: 20));
        var run = text.Run;

        Assert.True(run.Predictability.IsNarrow, $"AUC {run.Predictability.Auc:0.000}");
        var linear = new[] { RankerVariant.Of(RankerKind.Logistic, false), RankerVariant.Of(RankerKind.SplineLogistic, false) };
        Assert.Contains(run.Models.Single(m => m.Version == run.Promoted).Name, linear);
        var learned = run.Models.Where(m => m.Version is not null).ToArray();
        var withoutTheCheck = RankerTrainingRun.Select(learned).Name;
        Assert.DoesNotContain(withoutTheCheck, linear);
    }
}
