using MatchEngine.Models.Survival;

namespace MatchEngine.Tests.Survival;

public class TimeDependentMetricsTests
{
    // Times 1, 2+, 3, 5 (+ = censored), evaluated at t = 4. Censoring KM: G = 1 before 2, 2/3 from 2 on.
    // Cases: subject 1 (weight 1/G(1−) = 1) and subject 3 (weight 1/G(3−) = 3/2); control: subject 4
    // (weight 1/G(4−) = 3/2); subject 2 is censored before t and weighs 0.
    private static readonly double[] Time = [1, 2, 3, 5];
    private static readonly bool[] Event = [true, false, true, true];
    private static readonly double[] Survival = [0.2, 0.5, 0.4, 0.9];
    private static readonly double[] Risk = [3, 0, 1, 2];

    [Fact]
    public void BrierScore_WithCensoringWeights_HandComputed() =>
        Assert.Equal(((1 * 0.04) + (1.5 * 0.16) + (1.5 * 0.01)) / 4, TimeDependentMetrics.BrierScore(4, Time, Event, Survival, censoringWeights: true), 12);

    [Fact]
    public void BrierScore_WithoutWeights_DropsSubjectsCensoredBeforeT() =>
        Assert.Equal((0.04 + 0.16 + 0.01) / 3, TimeDependentMetrics.BrierScore(4, Time, Event, Survival), 12);

    [Fact]
    public void CumulativeDynamicAuc_WithCensoringWeights_HandComputed() =>
        Assert.Equal(1.0 / 2.5, TimeDependentMetrics.CumulativeDynamicAuc(4, Time, Event, Risk, censoringWeights: true), 12);

    [Fact]
    public void CumulativeDynamicAuc_WithoutWeights_HandComputed() =>
        Assert.Equal(0.5, TimeDependentMetrics.CumulativeDynamicAuc(4, Time, Event, Risk), 12);
}
