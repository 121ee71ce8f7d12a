using MatchEngine.Engine;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Ranking;
using MatchEngine.Models.Registry;
using MatchEngine.Training.Ranking;
using MatchEngine.Training.Synth;

namespace MatchEngine.Benchmarks.Support;

/// <summary>
/// A ranker really trained (<see cref="RankerTrainingRun"/>) on the match history of a seeded 5k/1k region and
/// promoted, as the shortlist benchmarks serve it. Takes about 20 s.
/// </summary>
internal static class SyntheticRanker
{
    /// <summary>Trains under <paramref name="dir"/> and returns the promoted ranker, followed without polling.</summary>
    public static PromotedModel<TrainedRanker> Train(string dir)
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
            registry.Promote(registry.List(RankerModels.Name).Select(m => m.Version).Max(StringComparer.Ordinal)!, "benchmark; fairness override: synthetic data, cost only");
        }
        Console.WriteLine($"// ranker trained on {run.TrainRows} pairs; promoted {registry.Promoted(RankerModels.Name)}");
        return RankerModels.Follow(registry, poll: null);
    }
}
