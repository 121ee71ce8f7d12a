using MatchEngine.Models.Ranking;
using MatchEngine.Tests.Support;
using MatchEngine.Training.Ranking;
using MatchEngine.Training.Synth;

namespace MatchEngine.Tests.Ranking;

public sealed class ProposalPredictabilityTests(TrainedRegion region) : IClassFixture<TrainedRegion>
{
    [Fact]
    public void AreaUnderRoc_TiesBetweenAPositiveAndANegative_CountHalf() =>
        // Positives 1 and 2 against negatives 1 and 0: 0.5 + 1 + 1 + 1 of 4 pairs.
        Assert.Equal(0.875, ProposalPredictability.AreaUnderRoc([1f, 1f, 2f, 0f], [true, false, true, false]));

    [Fact]
    public void AreaUnderRoc_RandomScoresWithTies_EqualsCountingEveryPair()
    {
        var random = new Random(4);
        var scores = Enumerable.Range(0, 300).Select(_ => (float)random.Next(20)).ToArray();
        var positive = scores.Select(_ => random.NextDouble() < 0.2).ToArray();
        double wins = 0, pairs = 0;
        for (var i = 0; i < scores.Length; i++)
            for (var j = 0; j < scores.Length; j++)
                if (positive[i] && !positive[j])
                {
                    pairs++;
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
        Assert.Equal(wins / pairs, ProposalPredictability.AreaUnderRoc(scores, positive)!.Value, 12);
    }

    [Fact]
    public void AreaUnderRoc_OneClassOnly_IsNull() => Assert.Null(ProposalPredictability.AreaUnderRoc([1f, 2f], [true, true]));

    [Fact]
    public void Run_HeuristicHistory_IsPredictableInPartAndNotNarrow()
    {
        var p = region.Run.Predictability;
        Assert.Equal(region.Run.Evaluator.Holdout.WholePool.Groups.Count, p.Groups);
        Assert.InRange(p.Auc, 0.55, ProposalPredictability.NarrowFrom);
        Assert.False(p.IsNarrow);
    }

    [Fact]
    public void Run_TextSearchHistory_IsNarrowAndPromotesALinearModel()
    {
        using var text = TrainedRegion.Of(new SynthOptions(Seed: 5, Candidates: 1500, Vacancies: 200) { HistoryPolicy = HistoryPolicy.Text, Truth = TruthShape.Stepped });
        var run = text.Run;

        Assert.True(run.Predictability.IsNarrow, $"AUC {run.Predictability.Auc:0.000}");
        var promoted = run.Models.Single(m => m.Version == run.Promoted).Name;
        Assert.Contains(promoted, new[] { RankerVariant.Of(RankerKind.Logistic, false), RankerVariant.Of(RankerKind.SplineLogistic, false) });
    }
}
