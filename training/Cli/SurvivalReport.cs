using System.Text.Json.Serialization;
using MatchEngine.Models.Survival;

namespace MatchEngine.Training.Cli;

/// <summary>The JSON shape printed by <c>matchengine survival</c>; property names become snake_case.</summary>
public sealed record SurvivalReport(
    int N,
    int Events,
    string Ties,
    double LoglikNull,
    double Loglik,
    double Concordance,
    double ConcordanceSe,
    int Iterations,
    bool Converged,
    IReadOnlyList<SurvivalReport.CoefficientRow> Coefficients,
    SurvivalReport.Test LikelihoodRatioTest,
    SurvivalReport.Test WaldTest,
    SurvivalReport.Test ScoreTest)
{
    /// <summary>Builds the report of a fitted model and the concordance of its linear predictor.</summary>
    public static SurvivalReport From(CoxModel model, ConcordanceResult concordance)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(concordance);
        return new SurvivalReport(
            model.Count, model.Events, model.Ties == CoxTies.Efron ? "efron" : "breslow", model.LoglikNull, model.Loglik,
            concordance.C, concordance.StandardError, model.Iterations, model.Converged,
            [.. model.Coefficients.Select(c => new CoefficientRow(c.Term, c.Coef, c.StandardError, c.Z, c.P, c.HazardRatio, c.HazardRatioLower95, c.HazardRatioUpper95))],
            Test.From(model.LikelihoodRatioTest), Test.From(model.WaldTest), Test.From(model.ScoreTest));
    }

    /// <summary>
    /// The first number of the report that is not finite (infinite or NaN), named as the JSON names it ("fin: hr_upper_95"),
    /// or null when every number is finite: JSON has no infinity, and such a fit is no estimate.
    /// </summary>
    public string? FirstNotFinite()
    {
        foreach (var c in Coefficients)
        {
            (string Name, double Value)[] values =
                [("coef", c.Coef), ("se", c.Se), ("z", c.Z), ("p", c.P), ("hazard_ratio", c.HazardRatio), ("hr_lower_95", c.HrLower95), ("hr_upper_95", c.HrUpper95)];
            if (values.FirstOrDefault(v => !double.IsFinite(v.Value)) is { Name: { } name }) return $"{c.Term}: {name}";
        }
        (string Name, double Value)[] overall =
        [
            ("loglik_null", LoglikNull), ("loglik", Loglik), ("concordance", Concordance), ("concordance_se", ConcordanceSe),
            ("likelihood_ratio_test", LikelihoodRatioTest.Statistic), ("likelihood_ratio_test.p", LikelihoodRatioTest.P),
            ("wald_test", WaldTest.Statistic), ("wald_test.p", WaldTest.P), ("score_test", ScoreTest.Statistic), ("score_test.p", ScoreTest.P),
        ];
        return overall.FirstOrDefault(v => !double.IsFinite(v.Value)).Name;
    }

    /// <summary>One coefficient row.</summary>
    public sealed record CoefficientRow(
        string Term,
        double Coef,
        double Se,
        double Z,
        double P,
        double HazardRatio,
        [property: JsonPropertyName("hr_lower_95")] double HrLower95,
        [property: JsonPropertyName("hr_upper_95")] double HrUpper95);

    /// <summary>A chi-square test.</summary>
    public sealed record Test(double Statistic, int Df, double P)
    {
        internal static Test From(ChiSquareTest t) => new(t.Statistic, t.DegreesOfFreedom, t.P);
    }
}
