using MatchEngine.Models.Survival;

namespace MatchEngine.Tests.Survival;

public class TimeDependentMetricsReferenceTests
{
    private const string Analysis = "week-t metrics (apparent, efron fit)";

    [Theory]
    [InlineData("brier_ctype1", false)]
    [InlineData("brier_ctype2", false)]
    [InlineData("brier_ctype1", true)]
    [InlineData("brier_ctype2", true)]
    public void BrierScore_RossiEfronFit_MatchesReference(string quantity, bool censoringWeights)
    {
        var data = RossiReference.Data;
        var model = data.FitCox(CoxTies.Efron);
        var type = quantity.EndsWith('1') ? BaselineHazardType.Breslow : BaselineHazardType.Efron;
        var rows = RossiReference.Where(Analysis, quantity).ToList();
        Assert.Equal(5, rows.Count);
        foreach (var row in rows)
        {
            var week = RossiReference.Week(row);
            var survival = data.Covariates.Select(x => model.Survival(week, x, type)).ToArray();
            // Nobody is censored before week 52, so the weights are all 1 and both variants must agree.
            Close.Relative(row.Value, TimeDependentMetrics.BrierScore(week, data.Time, data.Event, survival, censoringWeights), 1e-8, $"{quantity} {row.Term}");
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CumulativeDynamicAuc_RossiEfronFit_MatchesReference(bool censoringWeights)
    {
        var data = RossiReference.Data;
        var model = data.FitCox(CoxTies.Efron);
        var risk = data.Covariates.Select(model.LinearPredictor).ToArray();
        var rows = RossiReference.Where(Analysis, "auc_cumulative_dynamic").ToList();
        Assert.Equal(5, rows.Count);
        foreach (var row in rows)
        {
            var week = RossiReference.Week(row);
            Close.Relative(row.Value, TimeDependentMetrics.CumulativeDynamicAuc(week, data.Time, data.Event, risk, censoringWeights), 1e-9, $"auc {row.Term}");
        }
    }

    [Fact]
    public void FractionWithEvent_RossiWeeks_MatchesKaplanMeierAndReference()
    {
        var data = RossiReference.Data;
        var km = KaplanMeier.Fit(data.Time, data.Event);
        foreach (var row in RossiReference.Where(Analysis, "frac_arrested"))
        {
            var week = RossiReference.Week(row);
            Close.Absolute(row.Value, (double)km.EventsUpTo(week) / data.Count, 1e-12, $"frac {row.Term}");
            Close.Absolute(row.Value, 1 - km.Survival(week), 1e-12, $"1 - KM {row.Term}");
        }
    }

    [Fact]
    public void BrierScore_KaplanMeierAtWeek52_MatchesNullReference()
    {
        var data = RossiReference.Data;
        var s = KaplanMeier.Fit(data.Time, data.Event).Survival(52);
        var survival = Enumerable.Repeat(s, data.Count).ToArray();
        Close.Relative(RossiReference.Value("week-t metrics", "brier_null", "t=52"), TimeDependentMetrics.BrierScore(52, data.Time, data.Event, survival), 1e-9, "brier_null");
    }
}
