using MatchEngine.Engine;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Import;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Ranking;
using MatchEngine.Models.Registry;
using MatchEngine.Training.Ranking;
using MatchEngine.Training.Synth;

namespace MatchEngine.Tests.Support;

/// <summary>
/// A small synthetic region imported into a real store and index, with a real ranker trained on its
/// history and promoted, in a data directory of its own. Shared by a test class (a few seconds to build).
/// </summary>
public sealed class TrainedRegion : IDisposable
{
    public static readonly DateOnly Today = SynthOptions.DefaultAsOf;

    public TrainedRegion() : this(new SynthOptions(Seed: 5, Candidates: 1500, Vacancies: 200))
    {
    }

    /// <summary>A region generated with <paramref name="options"/> instead of the shared default, its rankers trained with <paramref name="ranker"/> (default: 40 trees).</summary>
    public static TrainedRegion Of(SynthOptions options, RankerOptions? ranker = null) => new(options, ranker);

    private TrainedRegion(SynthOptions options, RankerOptions? ranker = null)
    {
        World = new WorldGenerator(options).Generate();
        WorldWriter.Write(World, Directory.File("world"));
        Layout = new DataLayout(Directory.File("data"));
        using var catalog = CatalogService.Open(Layout, TimeProvider.System);
        new FolderImporter(catalog.Store, catalog.Validator).Import(Directory.File("world"));
        catalog.SyncIndex();
        var registry = new ModelRegistry(Layout.ModelsPath, TimeProvider.System) { Actor = "test-admin" };
        registry.SetFairnessThreshold(0, "a small synthetic region for tests: promote whatever trains", byAdmin: true);
        Run = new RankerTrainingRun(catalog, new CandidatePool(catalog.Store), registry, TextWriter.Null).Run(null, ranker ?? new RankerOptions(Trees: 40));
    }

    public TempDirectory Directory { get; } = new();
    public World World { get; }
    public DataLayout Layout { get; }
    public RankerRunResult Run { get; }

    /// <summary>Copies the data directory (store, index, models) to <paramref name="target"/>, for a server of its own.</summary>
    public void CopyDataTo(string target) => DataDirectoryCopy.Copy(Layout.Root, target);

    public void Dispose() => Directory.Dispose();
}
