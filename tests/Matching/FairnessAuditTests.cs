using MatchEngine.Engine;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Ranking;
using MatchEngine.Models.Registry;
using MatchEngine.Tests.Support;
using MatchEngine.Training.Cli;
using MatchEngine.Training.Ranking;

namespace MatchEngine.Tests.Matching;

public sealed class FairnessAuditTests(TrainedRegion region) : IClassFixture<TrainedRegion>
{
    [Fact]
    public void Run_ThresholdAboveTheModelsRatio_BlocksPromotionAndRecordsTheTable()
    {
        using var dir = new TempDirectory();
        region.CopyDataTo(dir.File("data"));
        var layout = new DataLayout(dir.File("data"));
        using var catalog = CatalogService.Open(layout, TimeProvider.System);
        var registry = new ModelRegistry(layout.ModelsPath, TimeProvider.System);
        registry.SetFairnessThreshold(1.01, "above any model's ratio", byAdmin: true);
        var before = registry.Promoted(RankerModels.Name);
        var run = new RankerTrainingRun(catalog, new CandidatePool(catalog.Store), registry, TextWriter.Null).Run(null, new RankerOptions(Trees: 20));

        Assert.Null(run.Promoted);
        Assert.Contains("override-fairness", run.PromotionBlocked, StringComparison.Ordinal);
        Assert.Equal(before, registry.Promoted(RankerModels.Name));
        Assert.Equal(["age_band", "gender", "migration_background"], run.Fairness.Groups.Select(g => g.Attribute).Distinct().Order());
        Assert.All(run.Fairness.Groups.GroupBy(g => g.Attribute), g => Assert.Equal(1.0, g.Sum(x => x.PoolShare), 6));
        var manifest = registry.List(RankerModels.Name).Last();
        Assert.True(manifest.Metrics.ContainsKey("fairness.min_selection_ratio"));
        Assert.DoesNotContain(manifest.Features, f => f.Contains("gender", StringComparison.Ordinal) || f.Contains("migration", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ModelsPromote_FairnessFailedVersion_NeedsAnOverrideWithAReason()
    {
        using var dir = new TempDirectory();
        region.CopyDataTo(dir.File("data"));
        var layout = new DataLayout(dir.File("data"));
        new ModelRegistry(layout.ModelsPath, TimeProvider.System).SetFairnessThreshold(1.01, "above any model's ratio", byAdmin: true);
        using (var catalog = CatalogService.Open(layout, TimeProvider.System))
            new RankerTrainingRun(catalog, new CandidatePool(catalog.Store), new ModelRegistry(layout.ModelsPath, TimeProvider.System), TextWriter.Null)
                .Run(null, new RankerOptions(Trees: 20));
        var version = new ModelRegistry(layout.ModelsPath, TimeProvider.System).List(RankerModels.Name).Last().Version;
        var line = new CommandLine([new ModelsCommand()]);
        var err = new StringWriter();
        Assert.Equal(1, await line.RunAsync(["models", "promote", version, "--data", layout.Root], new StringWriter(), err, TimeProvider.System));
        Assert.Contains("--override-fairness", err.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await line.RunAsync(["models", "promote", version, "--override-fairness", "pilot with manual review", "--data", layout.Root], new StringWriter(), new StringWriter(), TimeProvider.System));
        var history = new ModelRegistry(layout.ModelsPath, TimeProvider.System).History(RankerModels.Name);
        Assert.Equal(version, history[^1].Version);
        Assert.Equal("pilot with manual review", history[^1].FairnessOverride);
        Assert.StartsWith("cli:", history[^1].User, StringComparison.Ordinal);
        // The version before it fails the same policy: rolling back to it would promote it without an override.
        var rollbackError = new StringWriter();
        Assert.Equal(1, await line.RunAsync(["models", "rollback", "ranker", "--data", layout.Root], new StringWriter(), rollbackError, TimeProvider.System));
        Assert.Contains("override", rollbackError.ToString(), StringComparison.Ordinal);
    }
}
