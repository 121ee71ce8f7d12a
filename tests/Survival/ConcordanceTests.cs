using MatchEngine.Models.Survival;

namespace MatchEngine.Tests.Survival;

public class ConcordanceTests
{
    [Fact]
    public void Compute_HandComputed_CountsEachRule()
    {
        // Subjects: (time, event, risk)
        // A (1, event, 0.9), B (2, event, 0.5), C (2, censored, 0.5), D (2, event, 0.2), E (3, censored, 0.7).
        // A vs B, C, D, E: risk 0.9 beats all -> 4 concordant.
        // B vs C (censored at same time counts as longer): equal risk -> 1 tied; B vs E: 0.5 < 0.7 -> discordant.
        // D vs C: 0.2 < 0.5 -> discordant; D vs E -> discordant. B vs D: events at same time -> tied.y, not compared.
        double[] time = [1, 2, 2, 2, 3];
        bool[] @event = [true, true, false, true, false];
        double[] risk = [0.9, 0.5, 0.5, 0.2, 0.7];
        var result = Concordance.Compute(time, @event, risk);
        Assert.Equal((4L, 3L, 1L, 1L, 0L), (result.Concordant, result.Discordant, result.TiedRisk, result.TiedTime, result.TiedBoth));
        Assert.Equal(4.5 / 8, result.C, 12);
    }

    [Fact]
    public void Compute_RandomData_AgreesWithPairwiseOracle()
    {
        var random = new Random(20250301);
        var n = 400;
        var time = Enumerable.Range(0, n).Select(_ => (double)random.Next(1, 30)).ToArray();
        var @event = Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.6).ToArray();
        var risk = Enumerable.Range(0, n).Select(_ => Math.Round(random.NextDouble() * 5)).ToArray();
        var fast = Concordance.Compute(time, @event, risk);
        Assert.Equal(PairwiseConcordance.Compute(time, @event, risk), (fast.Concordant, fast.Discordant, fast.TiedRisk, fast.TiedTime, fast.TiedBoth));
    }

    [Fact]
    public void Compute_PerfectRisk_IsOne()
    {
        double[] time = [1, 2, 3, 4];
        var result = Concordance.Compute(time, [true, true, true, true], [4.0, 3, 2, 1]);
        Assert.Equal(1.0, result.C);
        Assert.Equal(6, result.Concordant);
    }
}
