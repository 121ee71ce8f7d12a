using MatchEngine.Engine;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Registry;
using MatchEngine.Tests.Reports;
using MatchEngine.Tests.Risk;
using MatchEngine.Tests.Support;
using MatchEngine.Training.Herinstroom;
using MatchEngine.Training.Runs;

namespace MatchEngine.Tests.Runs;

public sealed class HerinstroomReportTests(HerinstroomFixture fixture) : IClassFixture<HerinstroomFixture>
{
    [Fact]
    public void Holdout_SameStore_SplitsLikeTheTrainingRun()
    {
        var holdout = HerinstroomHoldout.Build(fixture.Store, null);
        Assert.Equal(fixture.TrainJson["split_date"]!.GetValue<string>(), holdout.SplitDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(fixture.TrainJson["test_placements"]!.GetValue<int>(), holdout.Test.Count);
        Assert.Equal(fixture.TrainJson["train_placements"]!.GetValue<int>(), holdout.Train.Count);
    }

    [Fact]
    public void TrainReport_Herinstroom_HasCalibrationKaplanMeierAndFairness()
    {
        var path = fixture.TrainJson["report"]!.GetValue<string>();
        var report = File.ReadAllText(path);
        foreach (var section in new[] { "## Metrieken op 12 maanden (achtergehouden plaatsingen)", "Kaplan–Meier (zelfde risico voor iedereen)", "## Kalibratie",
            "## Kaplan–Meier-curves per voorspelde risicogroep", "## Eerlijkheidstoets", "equal_opportunity" })
            Assert.Contains(section, report, StringComparison.Ordinal);
        Assert.Empty(ReportLanguageTests.EnglishWords(report));
        Assert.Empty(ReportLanguageTests.DecimalPoints(report));
        foreach (var png in new[] { "calibration.png", "kaplan_meier_by_risk.png" })
            Assert.True(new FileInfo(Path.Combine(Path.GetDirectoryName(path)!, png)).Length > 1000);
    }

    [Fact]
    public void Evaluate_TrainedVersion_ReproducesItsCIndex()
    {
        using var dir = new TempDirectory();
        fixture.CopyData(dir.File("data"), withModels: true);
        var layout = new DataLayout(dir.File("data"));
        using var catalog = CatalogService.Open(layout, TimeProvider.System);
        var registry = new ModelRegistry(layout.ModelsPath, TimeProvider.System);
        var version = registry.List("herinstroom")[0].Version;
        var outcome = ModelEvaluations.Evaluate(version, null, catalog, new CandidatePool(catalog.Store), registry, TextWriter.Null);
        Assert.Equal(registry.Get(version)!.Metrics["c_index"], outcome.Report.Metrics["this"]["c_index"], 6);
        Assert.True(outcome.Report.Metrics["this"]["c_index"] > 0.6);
    }
}
