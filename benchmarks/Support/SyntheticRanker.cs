using MatchEngine.Engine;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Ranking;
using MatchEngine.Models.Registry;
using MatchEngine.Training.Ranking;
using MatchEngine.Training.Synth;

namespace MatchEngine.Benchmarks.Support;

/// <summary>
/// A ranker really trained (<see cref="RankerTrainingRun"/>) on the match history of a seeded 5k/1k region and
/// promoted, as the shortlist benchmarks serve it. Training takes one to two minutes, so it is trained once per
/// machine and kept in <see cref="BenchmarkCache"/>.
/// </summary>
internal static class SyntheticRanker
{
    /// <summary>The promoted ranker, followed without polling; trained on first use.</summary>
    public static PromotedModel<TrainedRanker> Load()
    {
        var dir = BenchmarkCache.GetOrBuild($"ranker-5k-1k-seed{SyntheticRegion.Seed}", Train);
        return RankerModels.Follow(new ModelRegistry(new DataLayout(Path.Combine(dir, "data")).ModelsPath, TimeProvider.System), poll: null);
    }

    private static void Train(string dir)
    {
        var folder = Path.Combine(dir, "folder");
        var layout = new DataLayout(Path.Combine(dir, "data"));
        SyntheticRegion.Write(SyntheticRegion.Generate(5_000, 1_000), folder);
        using var catalog = SyntheticRegion.ImportAndIndex(folder, layout.Root);
        var registry = new ModelRegistry(layout.ModelsPath, TimeProvider.System);
        var run = new RankerTrainingRun(catalog, new CandidatePool(catalog.Store), registry, TextWriter.Null).Run(SynthOptions.DefaultAsOf, new RankerOptions());
        if (registry.Promoted(RankerModels.Name) is null)
        {
            // The fairness audit may block promotion on synthetic data; a benchmark measures cost, not fairness.
            registry.Promote(registry.List(RankerModels.Name).Select(m => m.Version).Max(StringComparer.Ordinal)!, "benchmark", "synthetic data, cost only", byAdmin: true);
        }
        Console.WriteLine($"// ranker trained on {run.TrainRows} pairs; promoted {registry.Promoted(RankerModels.Name)}");
        SyntheticRegion.Delete(folder);
    }
}
