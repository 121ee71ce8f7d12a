using System.Text.Json.Nodes;
using MatchEngine.Engine;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Registry;
using MatchEngine.Tests.Reports;
using MatchEngine.Tests.Support;
using MatchEngine.Training.Cli;
using MatchEngine.Training.Runs;

namespace MatchEngine.Tests.Runs;

public sealed class EvaluateTests(TrainedRegion region) : IClassFixture<TrainedRegion>
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static Task<CliResult> Cli(params string[] args) => CliRun.RunAsync([new EvaluateCommand(), new TrainCommand()], new FixedClock(TrainedRegion.Today), args);

    [Fact]
    public async Task Evaluate_PromotedRankerOnItsOwnData_ReproducesItsTrainingMetricsAndWritesTheReport()
    {
        using var dir = new TempDirectory();
        region.CopyDataTo(dir.File("data"));
        var registry = new ModelRegistry(new DataLayout(dir.File("data")).ModelsPath, TimeProvider.System);
        var version = registry.Promoted("ranker")!;
        var (_, stdout, _) = (await Cli("evaluate", version, "--json", "--data", dir.File("data"))).AssertSucceeded();
        var json = JsonNode.Parse(stdout.TrimEnd().Split('\n')[^1])!;
        var manifest = registry.Get(version)!;
        Assert.Equal(Math.Round(manifest.Metrics["ndcg@10"], 4), json["models"]!["this"]!["ndcg@10"]!.GetValue<double>());
        Assert.Equal(Math.Round(manifest.Metrics["recall@50"], 4), json["models"]!["this"]!["recall@50"]!.GetValue<double>());
        Assert.Equal(Math.Round(manifest.Metrics["whole_pool.ndcg@10"], 4), json["models"]!["this"]!["whole_pool.ndcg@10"]!.GetValue<double>());
        Assert.True(json["models"]!.AsObject().ContainsKey("logistic"));
        Assert.Equal("vacancies", json["held_out"]!["of"]!.GetValue<string>());
        Assert.InRange(json["held_out"]!["count"]!.GetValue<int>(), 1, int.MaxValue);
        Assert.True(DateOnly.ParseExact(json["held_out"]!["from"]!.GetValue<string>(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) > manifest.TrainedTo);
        Assert.True(json["models"]!["bm25"]!["ndcg@10"]!.GetValue<double>() < json["models"]!["this"]!["ndcg@10"]!.GetValue<double>());

        var report = File.ReadAllText(json["report"]!.GetValue<string>());
        foreach (var section in new[] { "## Metrieken over de hele pool", "## Metrieken op de vastgelegde voorstellen", "### Wat de IPS-kolommen betekenen", "## Kalibratie van de kans",
            "## NDCG@10 per sector", "## Belang van de kenmerken (permutatie)", "## Waar de geschiedenis weinig van de pool laat zien", "## Eerlijkheidstoets",
            "models rollback ranker" })
            Assert.Contains(section, report, StringComparison.Ordinal);
        foreach (var png in new[] { "ndcg_by_sector.png", "feature_importance.png", "chance_calibration.png" })
        {
            Assert.Contains($"]({png})", report, StringComparison.Ordinal);
            Assert.Equal(PngSignature, File.ReadAllBytes(Path.Combine(registry.DirectoryOf(version), png))[..8]);
        }
    }

    [Fact]
    public async Task Evaluate_UnknownVersion_ExitsOne()
    {
        using var dir = new TempDirectory();
        region.CopyDataTo(dir.File("data"));
        var (_, _, stderr) = (await Cli("evaluate", "ranker-v0999", "--data", dir.File("data"))).AssertExit(1);
        Assert.Contains("modelversie 'ranker-v0999' bestaat niet", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void TrainThenEvaluate_Leerwerk_SameAucAndACalibrationPlot()
    {
        using var dir = new TempDirectory();
        region.CopyDataTo(dir.File("data"));
        var layout = new DataLayout(dir.File("data"));
        using var catalog = CatalogService.Open(layout, TimeProvider.System);
        var registry = new ModelRegistry(layout.ModelsPath, TimeProvider.System);
        var pool = new CandidatePool(catalog.Store);
        var trained = TrainingRuns.Run(new TrainingRequest("leerwerk", new TrainingConfig()), catalog, pool, registry, TextWriter.Null);
        var version = JsonNode.Parse(trained.MetricsJson)!["promoted"]!.GetValue<string>();
        Assert.Contains("## Kalibratie", trained.Report.Markdown, StringComparison.Ordinal);
        Assert.Empty(ReportLanguageTests.EnglishWords(trained.Report.Markdown));
        Assert.Empty(ReportLanguageTests.DecimalPoints(trained.Report.Markdown));
        Assert.True(File.Exists(Path.Combine(registry.DirectoryOf(version), "calibration.png")));

        var evaluated = ModelEvaluations.Evaluate(version, null, catalog, pool, registry, TextWriter.Null);
        Assert.Equal(registry.Get(version)!.Metrics["auc"], evaluated.Report.Metrics["this"]["auc"], 10);
    }
}
