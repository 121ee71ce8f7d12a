using MatchEngine.Models.Survival;

namespace MatchEngine.Tests.Survival;

public class KaplanMeierTests
{
    // Times 1, 2+, 3, 3, 4+, 5 (+ = censored). By hand:
    // t=1: 6 at risk, 1 event -> S = 5/6; t=3: 4 at risk, 2 events -> S = 5/6 * 2/4 = 5/12;
    // t=5: 1 at risk, 1 event -> S = 0.
    private static readonly double[] Time = [1, 2, 3, 3, 4, 5];
    private static readonly bool[] Event = [true, false, true, true, false, true];

    [Theory]
    [InlineData(0.5, 1.0)]
    [InlineData(1.0, 5.0 / 6)]
    [InlineData(2.9, 5.0 / 6)]
    [InlineData(3.0, 5.0 / 12)]
    [InlineData(4.9, 5.0 / 12)]
    [InlineData(5.0, 0.0)]
    public void Survival_HandComputed_IsStepFunction(double t, double expected) =>
        Assert.Equal(expected, KaplanMeier.Fit(Time, Event).Survival(t), 12);

    [Fact]
    public void StandardError_HandComputed_MatchesGreenwood()
    {
        var km = KaplanMeier.Fit(Time, Event);
        var greenwood = (1.0 / (6 * 5)) + (2.0 / (4 * 2));
        Assert.Equal(5.0 / 12 * Math.Sqrt(greenwood), km.StandardError(3), 12);
        Assert.True(double.IsNaN(km.StandardError(5)));
    }

    [Fact]
    public void NumberAtRisk_HandComputed_CountsTimesAtOrAfter()
    {
        var km = KaplanMeier.Fit(Time, Event);
        Assert.Equal(6, km.NumberAtRisk(0));
        Assert.Equal(4, km.NumberAtRisk(2.5));
        Assert.Equal(4, km.NumberAtRisk(3));
        Assert.Equal(0, km.NumberAtRisk(6));
        Assert.Equal(3, km.EventsUpTo(3));
    }

    [Fact]
    public void Median_HandComputed_IsFirstTimeBelowHalf() => Assert.Equal(3.0, KaplanMeier.Fit(Time, Event).Median());

    [Fact]
    public void Median_ExactlyHalfOnFlatStretch_IsMidpointLikeR() =>
        Assert.Equal(2.5, KaplanMeier.Fit([1, 2, 3, 4], [true, true, true, true]).Median());

    [Fact]
    public void Fit_LengthMismatch_Throws() =>
        Assert.Throws<ArgumentException>(() => KaplanMeier.Fit([1, 2], [true]));
}
