using MatchEngine.Models.Survival;

namespace MatchEngine.Tests.Survival;

public class KaplanMeierReferenceTests
{
    private static KaplanMeier Rossi() => KaplanMeier.Fit(RossiReference.Data.Time, RossiReference.Data.Event);

    [Fact]
    public void Survival_RossiWeeks_MatchesSurvfit()
    {
        var km = Rossi();
        var rows = RossiReference.Where("KM", "surv").ToList();
        Assert.Equal(5, rows.Count);
        foreach (var row in rows) Close.Absolute(row.Value, km.Survival(RossiReference.Week(row)), 1e-9, $"KM surv {row.Term}");
    }

    [Fact]
    public void StandardError_RossiWeeks_MatchesGreenwoodFromSurvfit()
    {
        var km = Rossi();
        var rows = RossiReference.Where("KM", "std.err").ToList();
        Assert.Equal(5, rows.Count);
        foreach (var row in rows) Close.Absolute(row.Value, km.StandardError(RossiReference.Week(row)), 1e-9, $"KM std.err {row.Term}");
    }

    [Fact]
    public void NumberAtRisk_RossiWeeks_MatchesSurvfit()
    {
        var km = Rossi();
        var rows = RossiReference.Where("KM", "n.risk").ToList();
        Assert.Equal(5, rows.Count);
        foreach (var row in rows) Assert.Equal((int)row.Value, km.NumberAtRisk(RossiReference.Week(row)));
    }

    [Fact]
    public void Median_Rossi_IsNotReachedLikeR()
    {
        Assert.True(double.IsNaN(RossiReference.Value("KM", "median")));
        Assert.Null(Rossi().Median());
    }

    [Fact]
    public void Counts_Rossi_Add_Up()
    {
        var km = Rossi();
        Assert.Equal(432, km.Count);
        Assert.Equal(114, km.EventCount);
        Assert.Equal(114, km.EventsUpTo(52));
        Assert.Equal(432, km.Events.Sum() + km.Censored.Sum());
    }

    [Fact]
    public void ConfidenceInterval_LogDefault_IsSymmetricOnLogScale()
    {
        var km = Rossi();
        var s = km.Survival(30);
        var (lower, upper) = km.ConfidenceInterval(30);
        Close.Relative(Math.Log(s) - Math.Log(lower), Math.Log(upper) - Math.Log(s), 1e-12, "log CI symmetry");
        Close.Relative(1.959963984540054 * km.LogStandardError(30), Math.Log(upper / s), 1e-12, "log CI width");
        var (llLower, llUpper) = km.ConfidenceInterval(30, KmConfidenceType.LogLog);
        Assert.True(llLower < s && s < llUpper && llUpper < 1);
        var (plainLower, plainUpper) = km.ConfidenceInterval(30, KmConfidenceType.Plain);
        Close.Relative(s - plainLower, plainUpper - s, 1e-12, "plain CI symmetry");
    }
}
