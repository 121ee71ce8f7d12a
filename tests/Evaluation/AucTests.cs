using MatchEngine.Models.Evaluation;

namespace MatchEngine.Tests.Evaluation;

public sealed class AucTests
{
    [Fact]
    public void Of_TiesBetweenAPositiveAndANegative_CountHalf() =>
        // Positives 1 and 2 against negatives 1 and 0: 0.5 + 1 + 1 + 1 of 4 pairs.
        Assert.Equal(0.875, Auc.Of([1.0, 1.0, 2.0, 0.0], [true, false, true, false]));

    [Fact]
    public void Of_RandomScoresWithTies_EqualsCountingEveryPair()
    {
        var random = new Random(4);
        var scores = Enumerable.Range(0, 300).Select(_ => (double)random.Next(20)).ToArray();
        var positive = scores.Select(_ => random.NextDouble() < 0.2).ToArray();
        double wins = 0, pairs = 0;
        for (var i = 0; i < scores.Length; i++)
            for (var j = 0; j < scores.Length; j++)
                if (positive[i] && !positive[j])
                {
                    pairs++;
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
        Assert.Equal(wins / pairs, Auc.Of(scores, positive)!.Value, 12);
    }

    [Fact]
    public void Of_OneClassOnly_IsNull() => Assert.Null(Auc.Of([1.0, 2.0], [true, true]));
}
