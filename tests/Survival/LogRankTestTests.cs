using MatchEngine.Models.Survival;

namespace MatchEngine.Tests.Survival;

public class LogRankTestTests
{
    [Fact]
    public void Compute_RossiByFin_MatchesSurvdiff()
    {
        var data = RossiReference.Data;
        var fin = data.Covariates.Select(x => x[0] == 1).ToArray();
        var test = LogRankTest.Compute(data.Time, data.Event, fin);
        Close.Relative(RossiReference.Value("logrank by fin", "chisq"), test.Statistic, 1e-9, "logrank chisq");
        Assert.Equal(1, test.DegreesOfFreedom);
    }

    [Fact]
    public void Compute_NoTies_EqualsCoxScoreTest()
    {
        double[] time = [1, 2, 3, 4, 5];
        bool[] @event = [true, true, true, true, false];
        double[][] x = [[1], [0], [1], [0], [1]];
        var cox = CoxRegression.Fit(x, time, @event, CoxTies.Breslow, ["x"]);
        var logRank = LogRankTest.Compute(time, @event, [.. x.Select(r => r[0] == 1)]);
        Assert.Equal(cox.ScoreTest.Statistic, logRank.Statistic, 12);
    }
}
