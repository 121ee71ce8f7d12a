using MatchEngine.Engine;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Import;
using MatchEngine.Engine.Risk;
using MatchEngine.Models.Registry;
using MatchEngine.Tests.Support;
using MatchEngine.Training.Herinstroom;
using MatchEngine.Training.Synth;

namespace MatchEngine.Tests.Risk;

public class HerinstroomFairnessTests
{
    [Fact]
    public void Run_FairnessTable_IsInTheManifestAndBlocksPromotionAboveTheThreshold()
    {
        using var dir = new TempDirectory();
        WorldWriter.Write(new WorldGenerator(new SynthOptions(Seed: 31, Candidates: 5000, Vacancies: 100)).Generate(), dir.File("world"));
        var layout = new DataLayout(dir.File("data"));
        using var catalog = CatalogService.Open(layout, TimeProvider.System);
        new FolderImporter(catalog.Store, catalog.Validator).Import(dir.File("world"));
        var registry = new ModelRegistry(layout.ModelsPath, TimeProvider.System);

        registry.SetFairnessThreshold(FairnessPolicy.MaxThreshold, "above any model's ratio", byAdmin: true);
        var blocked = new HerinstroomTrainingRun(catalog.Store, registry, TextWriter.Null).Run(null, new HerinstroomOptions(Trees: 20));
        Assert.Null(blocked.Promoted);
        Assert.Null(registry.Promoted(HerinstroomModels.Name));
        Assert.Equal(["age_band", "gender", "migration_background"], blocked.Fairness.Findings.Select(g => g.Attribute).Distinct());
        Assert.Equal([FairnessLens.PoolExposure, FairnessLens.EqualOpportunity, FairnessLens.Calibration], blocked.Fairness.Findings.Select(f => f.Lens).Distinct());
        Assert.Contains(FairnessLens.EqualOpportunity, blocked.PromotionBlocked, StringComparison.Ordinal);
        Assert.All(registry.List(HerinstroomModels.Name), m => Assert.NotEmpty(m.Fairness!.Findings));

        registry.SetFairnessThreshold(0, "promote whatever trains", byAdmin: true);
        var passed = new HerinstroomTrainingRun(catalog.Store, registry, TextWriter.Null).Run(null, new HerinstroomOptions(Trees: 20));
        Assert.Equal(passed.Promoted, registry.Promoted(HerinstroomModels.Name));
    }
}
