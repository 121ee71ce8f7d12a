using MatchEngine.Models.Survival;

namespace MatchEngine.Tests.Survival;

public class CoxRegressionReferenceTests
{
    public static TheoryData<string> Fits => new() { "efron", "breslow" };

    private static CoxModel Fit(string ties) =>
        RossiReference.Data.FitCox(ties == "efron" ? CoxTies.Efron : CoxTies.Breslow);

    [Theory]
    [MemberData(nameof(Fits))]
    public void Fit_Rossi_CoefficientsMatchR(string ties)
    {
        var model = Fit(ties);
        var analysis = $"coxph {ties}";
        foreach (var c in model.Coefficients)
        {
            Close.Relative(RossiReference.Value(analysis, "coef", c.Term), c.Coef, 1e-7, $"{ties} coef {c.Term}");
            Close.Relative(RossiReference.Value(analysis, "se", c.Term), c.StandardError, 1e-7, $"{ties} se {c.Term}");
            Close.Relative(RossiReference.Value(analysis, "exp_coef", c.Term), c.HazardRatio, 1e-7, $"{ties} exp_coef {c.Term}");
            Close.Relative(RossiReference.Value(analysis, "z", c.Term), c.Z, 1e-7, $"{ties} z {c.Term}");
            Close.Relative(RossiReference.Value(analysis, "p", c.Term), c.P, 1e-7, $"{ties} p {c.Term}");
        }
        Assert.Equal(RossiReference.Covariates, model.Coefficients.Select(c => c.Term));
    }

    [Theory]
    [MemberData(nameof(Fits))]
    public void Fit_Rossi_LikelihoodsAndTestsMatchR(string ties)
    {
        var model = Fit(ties);
        var analysis = $"coxph {ties}";
        Close.Absolute(RossiReference.Value(analysis, "loglik_null"), model.LoglikNull, 1e-8, "loglik_null");
        Close.Absolute(RossiReference.Value(analysis, "loglik_model"), model.Loglik, 1e-8, "loglik_model");
        Close.Absolute(RossiReference.Value(analysis, "lr_test"), model.LikelihoodRatioTest.Statistic, 1e-8, "lr_test");
        Close.Relative(RossiReference.Value(analysis, "wald_test"), model.WaldTest.Statistic, 1e-8, "wald_test");
        Close.Relative(RossiReference.Value(analysis, "score_test"), model.ScoreTest.Statistic, 1e-8, "score_test");
        Assert.Equal(7, model.LikelihoodRatioTest.DegreesOfFreedom);
        Assert.True(model.Converged);
        Assert.Equal(432, model.Count);
        Assert.Equal(114, model.Events);
    }

    [Theory]
    [InlineData("efron", "x=0 (baseline, uncentered)", 1)]
    [InlineData("efron", "x=0 (baseline, uncentered)", 2)]
    [InlineData("efron", "profile fin0 age25 race1 wexp0 mar0 paro1 prio3", 1)]
    [InlineData("efron", "profile fin0 age25 race1 wexp0 mar0 paro1 prio3", 2)]
    [InlineData("breslow", "x=0 (baseline, uncentered)", 1)]
    [InlineData("breslow", "x=0 (baseline, uncentered)", 2)]
    [InlineData("breslow", "profile fin0 age25 race1 wexp0 mar0 paro1 prio3", 1)]
    [InlineData("breslow", "profile fin0 age25 race1 wexp0 mar0 paro1 prio3", 2)]
    public void CumulativeHazard_RossiWeeks_MatchesSurvfit(string ties, string newdata, int ctype)
    {
        var model = Fit(ties);
        var x = newdata.StartsWith("x=0", StringComparison.Ordinal) ? new double[7] : RossiReference.Profile;
        var type = ctype == 1 ? BaselineHazardType.Breslow : BaselineHazardType.Efron;
        var analysis = $"coxph {ties} predict {newdata} ctype={ctype}";
        var cumhaz = RossiReference.Where(analysis, "cumhaz").ToList();
        var surv = RossiReference.Where(analysis, "surv").ToList();
        Assert.Equal(5, cumhaz.Count);
        Assert.Equal(5, surv.Count);
        foreach (var row in cumhaz)
        {
            Close.Relative(row.Value, model.CumulativeHazard(RossiReference.Week(row), x, type), 1e-8, $"{analysis} {row.Term}");
        }
        foreach (var row in surv)
        {
            var week = RossiReference.Week(row);
            Close.Relative(row.Value, model.Survival(week, x, type), 1e-8, $"{analysis} surv {row.Term}");
            Close.Relative(1 - row.Value, model.AbsoluteRisk(week, x, type), 1e-8, $"{analysis} risk {row.Term}");
        }
    }
}
