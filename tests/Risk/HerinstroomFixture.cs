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
public sealed class HerinstroomFixture : IDisposable
{
    public static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2025, 7, 1, 9, 0, 0, TimeSpan.Zero));

    public HerinstroomFixture()
    {
        var world = new WorldGenerator(new SynthOptions(Seed: 42, Candidates: 2000, Vacancies: 400)).Generate();
        world = world with { Candidates = [.. world.Candidates.Select((c, i) => i % 3 == 0 ? c with { Region = "AM" } : c)] };
        WorldWriter.Write(world, WorldFolder);
        Assert.Equal(ExitCodes.Ok, Cli(out _, "import", WorldFolder, "--data", DataDirectory));
        Assert.Equal(ExitCodes.Ok, Cli(out var trained, "train", "herinstroom", "--data", DataDirectory));
        TrainJson = JsonNode.Parse(trained.Trim().Split('\n')[^1])!.AsObject();
        Store = new SqliteCatalogStore(new DataLayout(DataDirectory).StorePath);
        Registry = new ModelRegistry(new DataLayout(DataDirectory).ModelsPath, Clock);
        Promoted = HerinstroomModels.Follow(Registry, poll: null);
        Scorer = new HerinstroomScorer(Store, Promoted);
        AsOf = HerinstroomDataset.LatestObservation(Store)!.Value;
    }

    public TempDirectory Directory { get; } = new();
    public string WorldFolder => Directory.File("world");
    public string DataDirectory => Directory.File("data");
    public JsonObject TrainJson { get; }
    public ICatalogStore Store { get; }
    public ModelRegistry Registry { get; }
    public PromotedModel<HerinstroomModel> Promoted { get; }
    public HerinstroomScorer Scorer { get; }
    public DateOnly AsOf { get; }

    /// <summary>Runs the matchengine CLI in process; returns the exit code and stdout.</summary>
    public static int Cli(out string stdout, params string[] args) => Cli(out stdout, out _, args);

    /// <summary>Runs the matchengine CLI in process; returns the exit code, stdout and stderr.</summary>
    public static int Cli(out string stdout, out string stderr, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        ICommand[] commands = [new ImportCommand(), new TrainCommand(), new HerinstroomCommand()];
        var code = new CommandLine(commands).RunAsync(args, output, error, Clock).GetAwaiter().GetResult();
        stdout = output.ToString();
        stderr = error.ToString();
        return code;
    }

    /// <summary>Copies the data directory (store, index, optionally the models) to <paramref name="target"/>.</summary>
    public void CopyData(string target, bool withModels) =>
        DataDirectoryCopy.Copy(DataDirectory, target, skip: relative => !withModels && relative.StartsWith("models", StringComparison.Ordinal));

    public void Dispose()
    {
        Promoted.Dispose();
        Store.Dispose();
        Directory.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class HerinstroomCollection : ICollectionFixture<HerinstroomFixture>
{
    public const string Name = "herinstroom";
}
