using MatchEngine.Models.Survival;

namespace MatchEngine.Tests.Survival;

public class CoxRegressionTests
{
    // (time, event, x): (1,1,1) (2,1,0) (3,1,1) (4,1,0) (5,0,1): no tied times, one binary covariate.
    private static readonly double[] Time = [1, 2, 3, 4, 5];
    private static readonly bool[] Event = [true, true, true, true, false];
    private static readonly double[][] X = [[1], [0], [1], [0], [1]];

    [Theory]
    [InlineData(CoxTies.Efron)]
    [InlineData(CoxTies.Breslow)]
    public void Fit_NoTies_NullLoglikIsMinusLogOfRiskSetSizes(CoxTies ties) =>
        Assert.Equal(-Math.Log(5 * 4 * 3 * 2), CoxRegression.Fit(X, Time, Event, ties, ["x"]).LoglikNull, 12);

    [Fact]
    public void Fit_NoTies_ScoreTestIsLogRank()
    {
        // Log-rank by hand: O − E = 2 − (3/5 + 2/4 + 2/3 + 1/2) = −4/15;
        // V = 3·2/5² + 2·2/4² + 2·1/3² + 1·1/2² = 0.24 + 0.25 + 2/9 + 0.25.
        var expected = (16.0 / 225) / (0.74 + (2.0 / 9));
        Assert.Equal(expected, CoxRegression.Fit(X, Time, Event, CoxTies.Breslow, ["x"]).ScoreTest.Statistic, 12);
    }

    [Fact]
    public void Fit_NoTies_SolvesScoreEquationAndReportsItsLoglik()
    {
        var model = CoxRegression.Fit(X, Time, Event, CoxTies.Breslow, ["x"]);
        var beta = model.Coefficients[0].Coef;
        double score = 0, loglik = 0, information = 0;
        for (var i = 0; i < Time.Length; i++)
        {
            if (!Event[i]) continue;
            var risk = Enumerable.Range(0, Time.Length).Where(j => Time[j] >= Time[i]).ToArray();
            var s0 = risk.Sum(j => Math.Exp(beta * X[j][0]));
            var s1 = risk.Sum(j => X[j][0] * Math.Exp(beta * X[j][0]));
            var s2 = risk.Sum(j => X[j][0] * X[j][0] * Math.Exp(beta * X[j][0]));
            score += X[i][0] - (s1 / s0);
            loglik += (beta * X[i][0]) - Math.Log(s0);
            information += (s2 / s0) - ((s1 / s0) * (s1 / s0));
        }
        Assert.Equal(0, score, 6);
        Assert.Equal(loglik, model.Loglik, 10);
        Assert.Equal(1 / Math.Sqrt(information), model.Coefficients[0].StandardError, 5);
    }

    [Fact]
    public void Fit_TiedDeaths_NullLoglikFollowsEfronAndBreslow()
    {
        // Four subjects, two deaths tied at t=1: Breslow −2·log 4, Efron −log 4 − log(4 − 2/2), then −log 2 at t=2.
        double[] time = [1, 1, 2, 3];
        bool[] @event = [true, true, true, false];
        double[][] x = [[0.5], [1], [0], [2]];
        Assert.Equal(-(2 * Math.Log(4)) - Math.Log(2), CoxRegression.Fit(x, time, @event, CoxTies.Breslow, ["x"]).LoglikNull, 12);
        Assert.Equal(-Math.Log(4) - Math.Log(3) - Math.Log(2), CoxRegression.Fit(x, time, @event, CoxTies.Efron, ["x"]).LoglikNull, 12);
    }

    [Fact]
    public void CumulativeHazard_NoTies_IsBreslowSumAtZero()
    {
        var model = CoxRegression.Fit(X, Time, Event, CoxTies.Breslow, ["x"]);
        var beta = model.Coefficients[0].Coef;
        var expected = Enumerable.Range(0, 3).Sum(i => 1 / Enumerable.Range(i, 5 - i).Sum(j => Math.Exp(beta * X[j][0])));
        Assert.Equal(expected, model.CumulativeHazard(3.5, [0.0]), 12);
        Assert.Equal(expected * Math.Exp(beta), model.CumulativeHazard(3.5, [1.0]), 12);
        Assert.Equal(0, model.CumulativeHazard(0.5, [1.0]));
        Assert.Equal(Math.Exp(-expected), model.Survival(3.5, [0.0]), 12);
        Assert.Equal(1 - Math.Exp(-expected), model.AbsoluteRisk(3.5, [0.0]), 12);
    }

    [Fact]
    public void Fit_TwoDimensionalArray_EqualsJagged()
    {
        var jagged = RossiReference.Data.FitCox(CoxTies.Efron);
        var rows = RossiReference.Data.Covariates;
        var matrix = new double[rows.Count, 7];
        for (var i = 0; i < rows.Count; i++)
        {
            for (var j = 0; j < 7; j++) matrix[i, j] = rows[i][j];
        }
        var fromMatrix = CoxRegression.Fit(matrix, RossiReference.Data.Time, RossiReference.Data.Event, CoxTies.Efron, RossiReference.Covariates);
        Assert.Equal(jagged.Coefficients, fromMatrix.Coefficients);
    }

    [Fact]
    public void Fit_NoEvents_Throws() =>
        Assert.Throws<InvalidOperationException>(() => CoxRegression.Fit(X, Time, [false, false, false, false, false], CoxTies.Efron, ["x"]));

    [Fact]
    public void Fit_ConstantCovariate_ThrowsSingular()
    {
        var e = Assert.Throws<InvalidOperationException>(() => CoxRegression.Fit([[1.0], [1], [1], [1], [1]], Time, Event, CoxTies.Efron, ["x"]));
        Assert.Contains("de informatiematrix is singulier", e.Message, StringComparison.Ordinal);
    }
}
