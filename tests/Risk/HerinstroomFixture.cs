using System.Text.Json.Nodes;
using MatchEngine.Engine;
using MatchEngine.Engine.Risk;
using MatchEngine.Engine.Store;
using MatchEngine.Models.Registry;
using MatchEngine.Tests.Support;
using MatchEngine.Training.Cli;
using MatchEngine.Training.Synth;

namespace MatchEngine.Tests.Risk;

/// <summary>
/// A small synthetic region (2,000 candidates, a third moved to region AM) imported and trained once
/// through the real CLI (import, train herinstroom), then opened read-only as a store and a scorer.
/// </summary>
public sealed class HerinstroomFixture : IAsyncLifetime
{
    public static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2025, 7, 1, 9, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync()
    {
        var world = new WorldGenerator(new SynthOptions(Seed: 42, Candidates: 2000, Vacancies: 400)).Generate();
        world = world with { Candidates = [.. world.Candidates.Select((c, i) => i % 3 == 0 ? c with { Region = "AM" } : c)] };
        WorldWriter.Write(world, WorldFolder);
        (await Cli("import", WorldFolder, "--data", DataDirectory)).AssertSucceeded();
        var trained = (await Cli("train", "herinstroom", "--data", DataDirectory)).AssertSucceeded();
        TrainJson = JsonNode.Parse(trained.LastLine)!.AsObject();
        Store = new SqliteCatalogStore(new DataLayout(DataDirectory).StorePath);
        Registry = new ModelRegistry(new DataLayout(DataDirectory).ModelsPath, Clock);
        Promoted = HerinstroomModels.Follow(Registry, poll: null);
        Scorer = new HerinstroomScorer(Store, Promoted);
        AsOf = HerinstroomDataset.LatestObservation(Store)!.Value;
    }

    public TempDirectory Directory { get; } = new();
    public string WorldFolder => Directory.File("world");
    public string DataDirectory => Directory.File("data");
    public JsonObject TrainJson { get; private set; } = null!;
    public ICatalogStore Store { get; private set; } = null!;
    public ModelRegistry Registry { get; private set; } = null!;
    public PromotedModel<HerinstroomModel> Promoted { get; private set; } = null!;
    public HerinstroomScorer Scorer { get; private set; } = null!;
    public DateOnly AsOf { get; private set; }

    /// <summary>Runs the import, train, herinstroom and nazorg verbs on <see cref="Clock"/>.</summary>
    public static Task<CliResult> Cli(params string[] args) =>
        CliRun.RunAsync([new ImportCommand(), new TrainCommand(), new HerinstroomCommand(), new NazorgCommand()], Clock, args);

    /// <summary>Copies the data directory (store, index, optionally the models) to <paramref name="target"/>.</summary>
    public void CopyData(string target, bool withModels) =>
        DataDirectoryCopy.Copy(DataDirectory, target, skip: relative => !withModels && relative.StartsWith("models", StringComparison.Ordinal));

    public Task DisposeAsync()
    {
        Promoted?.Dispose();
        Store?.Dispose();
        Directory.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class HerinstroomCollection : ICollectionFixture<HerinstroomFixture>
{
    public const string Name = "herinstroom";
}
