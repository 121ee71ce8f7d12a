using BenchmarkDotNet.Attributes;
using MatchEngine.Benchmarks.Support;
using MatchEngine.Engine;
using MatchEngine.Engine.Risk;
using MatchEngine.Models.Herinstroom;
using MatchEngine.Models.Registry;
using MatchEngine.Training.Herinstroom;

namespace MatchEngine.Benchmarks;

/// <summary>
/// Question: what does scoring 100,000 placements (risk at 6, 12 and 24 months each) cost with the served
/// herinstroom models, and is it under 5 s? Both models are trained by <see cref="HerinstroomTrainingRun"/>
/// (defaults: 100 trees per horizon, seed 42) on the placements of a seeded 20k/2k region and loaded by
/// <see cref="HerinstroomModels.Load"/>, as the api and <c>matchengine herinstroom</c> load them. The 100,000
/// feature vectors are that region's placement vectors repeated in order (the model cost does not depend on
/// their being distinct). Baseline: Cox; compared: FastTree with IPCW weights.
/// </summary>
[Config(typeof(BatchConfig))]
public class HerinstroomScoringBenchmarks
{
    private const int Placements = 100_000;

    private string _root = "";
    private IHerinstroomModel? _cox;
    private IHerinstroomModel? _trees;
    private double[][] _rows = [];

    [GlobalSetup]
    public void Setup()
    {
        _root = SyntheticRegion.TempDir("herinstroom");
        var folder = Path.Combine(_root, "folder");
        var layout = new DataLayout(Path.Combine(_root, "data"));
        SyntheticRegion.Write(SyntheticRegion.Generate(20_000, 2_000), folder);
        using var catalog = SyntheticRegion.ImportAndIndex(folder, layout.Root);
        var registry = new ModelRegistry(layout.ModelsPath, TimeProvider.System);
        var run = new HerinstroomTrainingRun(catalog.Store, registry, TextWriter.Null).Run(null, new HerinstroomOptions());
        var models = registry.List(HerinstroomModels.Name).ToDictionary(m => m.Kind, m => HerinstroomModels.Load(m, registry.DirectoryOf(m.Version)).Risk);
        _cox = models[HerinstroomModels.CoxKind];
        _trees = models[HerinstroomModels.FastTreeKind];
        var cases = HerinstroomDataset.Cases(catalog.Store);
        _rows = Enumerable.Range(0, Placements).Select(i => cases[i % cases.Count].Features).ToArray();
        Console.WriteLine($"// trained on {run.TrainPlacements} placements; scoring {_rows.Length} vectors from {cases.Count} distinct placements");
    }

    [Benchmark(Baseline = true, Description = "Cox: 100,000 placements × 3 horizons")]
    public double Cox() => Score(_cox!);

    [Benchmark(Description = "FastTree-IPCW: 100,000 placements × 3 horizons")]
    public double FastTreeIpcw() => Score(_trees!);

    [GlobalCleanup]
    public void Cleanup() => SyntheticRegion.Delete(_root);

    private double Score(IHerinstroomModel model)
    {
        var sum = 0.0;
        foreach (var curve in model.Predict(_rows))
            foreach (var months in HerinstroomHorizons.Months) sum += curve.At(months);
        return sum;
    }
}
