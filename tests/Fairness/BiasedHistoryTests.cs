using MatchEngine.Engine;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Import;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Ranking;
using MatchEngine.Models.Registry;
using MatchEngine.Tests.Support;
using MatchEngine.Training.Fairness;
using MatchEngine.Training.Ranking;
using MatchEngine.Training.Synth;

namespace MatchEngine.Tests.Fairness;

/// <summary>Two small regions with the same seed, one whose employers invited non-western candidates half as often at equal fit, each with a ranker trained under the default fairness
/// policy.</summary>
public sealed class BiasedHistoryRegions : IDisposable
{
    public const string Bias = "migration_background=niet-westers:0.5";

    public BiasedHistoryRegions()
    {
        Fair = new Region(Directory.File("fair"), null);
        Biased = new Region(Directory.File("biased"), HistoryBias.Parse(Bias));
    }

    public TempDirectory Directory { get; } = new();
    public Region Fair { get; }
    public Region Biased { get; }

    public void Dispose() => Directory.Dispose();

    public sealed class Region
    {
        public Region(string root, HistoryBias? bias)
        {
            var world = new WorldGenerator(new SynthOptions(Seed: 13, Candidates: 2000, Vacancies: 250) { HistoryBias = bias }).Generate();
            WorldWriter.Write(world, Path.Combine(root, "world"));
            Layout = new DataLayout(Path.Combine(root, "data"));
            using var catalog = CatalogService.Open(Layout, TimeProvider.System);
            new FolderImporter(catalog.Store, catalog.Validator).Import(Path.Combine(root, "world"));
            catalog.SyncIndex();
            Registry = new ModelRegistry(Layout.ModelsPath, TimeProvider.System) { Actor = "test" };
            Run = new RankerTrainingRun(catalog, new CandidatePool(catalog.Store), Registry, TextWriter.Null).Run(null, new RankerOptions(Trees: 40));
        }

        public DataLayout Layout { get; }
        public ModelRegistry Registry { get; }
        public RankerRunResult Run { get; }
    }
}

public sealed class BiasedHistoryTests(BiasedHistoryRegions regions) : IClassFixture<BiasedHistoryRegions>
{
    [Fact]
    public void Run_FairHistory_PassesTheGateWithoutAnOverride()
    {
        var fair = regions.Fair;
        Assert.Null(fair.Run.PromotionBlocked);
        Assert.Equal(fair.Run.Best, fair.Registry.Promoted(RankerModels.Name));
        Assert.Null(fair.Registry.History(RankerModels.Name)[^1].FairnessOverride);
        Assert.DoesNotContain(FairnessGate.Flags(fair.Run.Fairness), f => f.Contains("niet-westers", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_BiasedHistory_FlagsTheGroupAndNamesTheLens()
    {
        var audit = regions.Biased.Run.Fairness;
        var said = FairnessGate.Flags(audit).Concat(FairnessGate.Failures(audit, FairnessPolicy.DefaultThreshold)).ToArray();
        Assert.Contains(said, s => s.Contains("migration_background=niet-westers", StringComparison.Ordinal)
            && (s.Contains(FairnessLens.Calibration, StringComparison.Ordinal) || s.Contains("slechter dan het model voorspelt", StringComparison.Ordinal)
                || s.Contains(FairnessLens.QualifiedExposure, StringComparison.Ordinal)));
        var calibration = audit.Of(FairnessLens.Calibration).Single(f => f.Attribute == "migration_background" && f.Group == "niet-westers");
        var fairCalibration = regions.Fair.Run.Fairness.Of(FairnessLens.Calibration).Single(f => f.Attribute == "migration_background" && f.Group == "niet-westers");
        Assert.True(calibration.Value > fairCalibration.Value + FairnessGate.CalibrationBound, $"biased {calibration.Value:0.000}, fair {fairCalibration.Value:0.000}");
    }

    [Fact]
    public void FairReranking_BiasedHistory_BringsTheGroupToNineTenthsOfItsQualifiedShareAtASmallCostAgainstTheTruth()
    {
        var region = regions.Biased;
        using var catalog = CatalogService.Open(region.Layout, TimeProvider.System);
        var pool = new CandidatePool(catalog.Store);
        var holdout = RankerHoldout.Build(catalog, pool, null, TextWriter.Null);
        var version = region.Registry.Promoted(RankerModels.Name) ?? region.Run.Best;
        var model = RankerModels.Load(region.Registry.Require(version), region.Registry.DirectoryOf(version));
        var candidates = pool.Snapshot();
        var fair = FairExposure.Parse("migration_background:0.9");
        Func<WholePoolGroup, IReadOnlyList<double>> plain = g => [.. model.Score(g.Features).Select(x => (double)x)];
        Func<WholePoolGroup, IReadOnlyList<double>> reranked = g => FairRerankingEffect.Reranked(g, plain(g), candidates, fair);

        var after = FairRerankingEffect.QualifiedExposure(holdout.WholePool, reranked, candidates, fair.Attribute);
        Assert.True(after["niet-westers"] >= 0.9, $"niet-westers after fair re-ranking: {after["niet-westers"]:0.000}");
        var truth = new TruthGains(catalog, holdout.WholePool);
        var (before, with) = (truth.Ndcg10(holdout.WholePool, plain), truth.Ndcg10(holdout.WholePool, reranked));
        Assert.InRange(before - with, -0.02, 0.05);
    }
}
