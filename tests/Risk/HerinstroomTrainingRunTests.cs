using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Risk;
using MatchEngine.Models.Herinstroom;
using MatchEngine.Training.Herinstroom;

namespace MatchEngine.Tests.Risk;

[Collection(HerinstroomCollection.Name)]
public sealed class HerinstroomTrainingRunTests(HerinstroomFixture fixture)
{
    [Fact]
    public void TrainHerinstroom_SmallWorld_PrintsMetricsOfBothModelsAndPromotesTheBetter()
    {
        var json = fixture.TrainJson;
        var models = json["models"]!.AsObject();
        Assert.Equal(["cox", "fasttree_ipcw"], models.Select(m => m.Key).Order());
        foreach (var (_, m) in models)
        {
            foreach (var key in new[] { "c_index", "auc_12m", "brier_12m", "calibration_max_gap_12m" }) Assert.True(double.IsFinite((double)m![key]!), key);
            Assert.Equal(10, m!["calibration_gaps_12m"]!.AsArray().Count);
        }
        var promoted = (string)json["promoted"]!;
        var best = models.Single(m => (string)m.Value!["version"]! == promoted).Value!;
        Assert.True((double)best["c_index"]! > 0.6, $"C-index {(double)best["c_index"]!}");
        Assert.True(models.All(m => (double)m.Value!["c_index"]! <= (double)best["c_index"]! + HerinstroomTrainingRun.CIndexTie));
        Assert.Equal(promoted, fixture.Registry.Promoted(HerinstroomModels.Name));
    }

    [Fact]
    public void TrainHerinstroom_SmallWorld_SavesBothManifestsWithFeaturesMetricsAndHash()
    {
        var manifests = fixture.Registry.List(HerinstroomModels.Name);
        Assert.Equal([HerinstroomModels.CoxKind, HerinstroomModels.FastTreeKind], manifests.Select(m => m.Kind).Order(StringComparer.Ordinal));
        foreach (var m in manifests)
        {
            Assert.StartsWith("sha256:", m.DataHash, StringComparison.Ordinal);
            Assert.All(Enumerable.Range(1, 10), d => Assert.Contains($"calibration_gap_d{d}", m.Metrics.Keys));
            Assert.Contains("c_index", m.Metrics.Keys);
            Assert.All(m.Features, f => Assert.Contains(f, HerinstroomFeatures.Names));
            Assert.DoesNotContain(m.Features, f => f.Contains("gender", StringComparison.Ordinal) || f.Contains("migration", StringComparison.Ordinal));
        }
        Assert.Equal(HerinstroomFeatures.Names, manifests.Single(m => m.Kind == HerinstroomModels.FastTreeKind).Features);
    }

    [Fact]
    public void TrainHerinstroom_HeldOutPlacements_WereEachFollowedForTheWhole12Months()
    {
        var json = fixture.TrainJson;
        var asOf = DateOnly.Parse((string)json["as_of"]!, System.Globalization.CultureInfo.InvariantCulture);
        var manifest = fixture.Registry.List(HerinstroomModels.Name).First();
        var lastHeldOut = System.Text.RegularExpressions.Regex.Match(manifest.Notes ?? "", @"gestart tot en met (\d{1,2} \p{L}+ \d{4})").Groups[1].Value;
        var (day, monthWord, year) = (lastHeldOut.Split(' ')[0], lastHeldOut.Split(' ')[1], lastHeldOut.Split(' ')[2]);
        var month = Enumerable.Range(1, 12).Single(m => Dutch.Date(new DateOnly(2000, m, 1)) == $"1 {monthWord} 2000");
        var last = new DateOnly(int.Parse(year, System.Globalization.CultureInfo.InvariantCulture), month, int.Parse(day, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(lastHeldOut, Dutch.Date(last));
        Assert.True(last <= asOf.AddMonths(-12), manifest.Notes);
        Assert.Contains("elk de volle 12 maanden gevolgd", manifest.Notes, StringComparison.Ordinal);
    }

    [Fact]
    public void UsableColumns_ConstantAndCollinearColumns_AreDropped()
    {
        double[][] rows = [[1, 5, 2, 3], [2, 5, 4, 1], [3, 5, 6, 4], [4, 5, 8, 1]];
        Assert.Equal([0, 3], CollinearityGuard.UsableColumns(rows));
    }

    [Fact]
    public void Better_CIndexWithinTie_PicksLowerBrier()
    {
        HerinstroomMetrics M(double c, double brier) => new(c, 0.7, brier, [], []);
        var a = new HerinstroomModelResult("a", "v1", M(0.7000, 0.15));
        var b = new HerinstroomModelResult("b", "v2", M(0.7005, 0.14));
        var c = new HerinstroomModelResult("c", "v3", M(0.7200, 0.16));
        Assert.Same(b, HerinstroomTrainingRun.Better(a, b));
        Assert.Same(c, HerinstroomTrainingRun.Better(b, c));
    }

    [Fact]
    public void RiskCurve_Conditional_IsIncrementOverSurvivalSoFar()
    {
        var curve = RiskCurve.Linear([0, 6, 12], [0, 0.2, 0.3]);
        var f6 = 1 - Math.Exp(-0.2);
        var f9 = 1 - Math.Exp(-0.25);
        Assert.Equal(f6, curve.At(6), 12);
        Assert.Equal(f9, curve.At(9), 12);
        Assert.Equal((curve.At(12) - f6) / (1 - f6), curve.Conditional(6, 6), 12);
        Assert.Equal(curve.At(12), curve.At(40), 12);
    }

    [Fact]
    public void RiskCurve_Conditional_StaysTheHazardAheadWhereTheRiskSoFarRoundsToCertainty()
    {
        // A multiplier so large that F(6) is 1 in double precision: the next six months' hazard is as large, the risk near 1.
        var curve = RiskCurve.Step([1, 6, 12], [0.1, 0.2, 0.3], multiplier: 1_000);
        Assert.Equal(1.0, curve.At(6));
        Assert.Equal(1 - Math.Exp(-100), curve.Conditional(6, 6), 12);
        Assert.Equal(0.0, curve.Conditional(12, 6));
    }
}
