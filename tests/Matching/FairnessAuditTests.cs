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
    public void Run_Audit_HasEveryLensPerAttributeWithIntervalsAndSizesInTheManifest()
    {
        var audit = region.Run.Fairness;
        Assert.Equal([FairnessLens.Calibration, FairnessLens.EqualOpportunity, FairnessLens.PoolExposure, FairnessLens.QualifiedExposure],
            audit.Findings.Where(f => f.Attribute != "age_band").Select(f => f.Lens).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal([FairnessLens.Calibration, FairnessLens.EqualOpportunity, FairnessLens.EqualOpportunityAtEqualExperience, FairnessLens.PoolExposure,
            FairnessLens.QualifiedExposure, FairnessLens.QualifiedExposureAtEqualExperience],
            audit.Findings.Where(f => f.Attribute == "age_band").Select(f => f.Lens).Distinct().Order(StringComparer.Ordinal));
        // The age bands are gated at equal experience; the plain lenses are reported.
        Assert.All(audit.Findings.Where(f => f.Attribute == "age_band" && !f.TooSmall), f => Assert.Equal(f.Lens.EndsWith("_equal_experience", StringComparison.Ordinal), audit.IsGatedRatio(f)));
        Assert.Equal(["age_band", "gender", "migration_background"], audit.Findings.Select(f => f.Attribute).Distinct().Order(StringComparer.Ordinal));
        Assert.All(audit.Findings.Where(f => !double.IsNaN(f.Value)), f => Assert.True(f.Low <= f.High, $"{f.Lens} {f.Group}: {f.Low} > {f.High}"));
        Assert.All(audit.Findings.Where(f => !f.Lens.StartsWith(FairnessLens.EqualOpportunity, StringComparison.Ordinal)), f => Assert.Equal(f.Size < audit.MinimumGroupSize, f.TooSmall));
        // Equal opportunity counts successes at the top: a group is too small when it has fewer than the minimum expected there.
        Assert.All(audit.Findings.Where(f => f.Lens.StartsWith(FairnessLens.EqualOpportunity, StringComparison.Ordinal) && f.Size < audit.MinimumGroupSize), f => Assert.True(f.TooSmall));
        var manifest = new ModelRegistry(region.Layout.ModelsPath, TimeProvider.System).Require(region.Run.Best);
        Assert.Equal(audit.Findings, manifest.Fairness!.Findings);
        Assert.DoesNotContain(manifest.Features, f => f.Contains("gender", StringComparison.Ordinal) || f.Contains("migration", StringComparison.Ordinal) || f.Contains("age_band",
            StringComparison.Ordinal) || f.Contains("birth", StringComparison.Ordinal));
        Assert.Equal(["<25", "25-35", "35-45", "45-55", "55+"], audit.AgeBands.Select(a => a.Group).Where(g => g != "unknown"));
    }

    [Fact]
    public void Run_ThresholdAboveEveryUpperBound_BlocksPromotionNamingTheLens()
    {
        using var dir = new TempDirectory();
        region.CopyDataTo(dir.File("data"));
        var layout = new DataLayout(dir.File("data"));
        using var catalog = CatalogService.Open(layout, TimeProvider.System);
        var registry = new ModelRegistry(layout.ModelsPath, TimeProvider.System);
        registry.SetFairnessThreshold(FairnessPolicy.MaxThreshold, "above any model's ratio", byAdmin: true);
        var before = registry.Promoted(RankerModels.Name);
        var run = new RankerTrainingRun(catalog, new CandidatePool(catalog.Store), registry, TextWriter.Null).Run(null, new RankerOptions(Trees: 20));

        Assert.Null(run.Promoted);
        Assert.Contains("override-fairness", run.PromotionBlocked, StringComparison.Ordinal);
        Assert.Matches($"voldoet niet aan de eerlijkheidstoets \\(({FairnessLens.QualifiedExposure}|{FairnessLens.EqualOpportunity})", run.PromotionBlocked);
        Assert.Equal(before, registry.Promoted(RankerModels.Name));
    }

    [Fact]
    public async Task ModelsPromote_FairnessFailedVersion_NeedsAnOverrideWithAReason()
    {
        using var dir = new TempDirectory();
        region.CopyDataTo(dir.File("data"));
        var layout = new DataLayout(dir.File("data"));
        new ModelRegistry(layout.ModelsPath, TimeProvider.System).SetFairnessThreshold(FairnessPolicy.MaxThreshold, "above any model's ratio", byAdmin: true);
        using (var catalog = CatalogService.Open(layout, TimeProvider.System))
            new RankerTrainingRun(catalog, new CandidatePool(catalog.Store), new ModelRegistry(layout.ModelsPath, TimeProvider.System), TextWriter.Null)
                .Run(null, new RankerOptions(Trees: 20));
        var version = new ModelRegistry(layout.ModelsPath, TimeProvider.System).List(RankerModels.Name).Last().Version;
        var refused = (await Models("models", "promote", version, "--data", layout.Root)).AssertExit(1);
        Assert.Contains("--override-fairness", refused.Err, StringComparison.Ordinal);
        (await Models("models", "promote", version, "--override-fairness", "pilot with manual review", "--data", layout.Root)).AssertSucceeded();
        var history = new ModelRegistry(layout.ModelsPath, TimeProvider.System).History(RankerModels.Name);
        Assert.Equal(version, history[^1].Version);
        Assert.Equal("pilot with manual review", history[^1].FairnessOverride);
        Assert.StartsWith("cli:", history[^1].User, StringComparison.Ordinal);
        // The version before it fails the same policy: rolling back to it would promote it without an override.
        var rollback = (await Models("models", "rollback", "ranker", "--data", layout.Root)).AssertExit(1);
        Assert.Contains("teruggaan naar", rollback.Err, StringComparison.Ordinal);
        Assert.Contains("--override-fairness", rollback.Err, StringComparison.Ordinal);

        var listing = (await Models("models", "list", "ranker", "--data", layout.Root)).AssertSucceeded();
        Assert.Contains("\"exposure_qualified\"", listing.Out, StringComparison.Ordinal);
        Assert.Contains("\"too_small\"", listing.Out, StringComparison.Ordinal);
    }

    private static Task<CliResult> Models(params string[] args) => CliRun.RunAsync([new ModelsCommand()], TimeProvider.System, args);
}
