using MatchEngine.Engine;
using MatchEngine.Models.Registry;
using MatchEngine.Tests.Support;
using MatchEngine.Training.Cli;

namespace MatchEngine.Tests.Cli;

/// <summary>When no model is served, the message says whether one was trained, why it is not promoted, and who decides how.</summary>
public sealed class NotPromotedMessageTests
{
    private static Task<CliResult> Run(params string[] args) => CliRun.RunAsync(new FixedClock(ContractSamples.Today), args);

    private static async Task<DataLayout> Imported(TempDirectory dir)
    {
        var (exit, _, error) = await Run("import", ContractSamples.WriteFolder(dir.File("world")), "--data", dir.File("data"));
        Assert.True(exit == 0, error);
        return new DataLayout(dir.File("data"));
    }

    /// <summary>Saves a version whose fairness audit failed, as a training run does when the gate holds it back.</summary>
    private static string SaveHeldBack(DataLayout layout, string name, bool selected = false, string kind = "test")
    {
        var registry = new ModelRegistry(layout.ModelsPath, TimeProvider.System);
        var (version, _) = registry.NewVersion(name);
        registry.Save(new ModelManifest
        {
            Name = name, Version = version, Kind = kind, CreatedAt = new DateTimeOffset(2025, 6, 30, 12, 0, 0, TimeSpan.Zero),
            Features = [], DataHash = "test", Selected = selected,
            Metrics = new Dictionary<string, double> { ["fairness.min_ratio"] = 0.62, ["fairness.threshold"] = 0.8 },
        });
        return version;
    }

    [Fact]
    public async Task Shortlist_NothingTrained_SaysSoAndHowToTrain()
    {
        using var dir = new TempDirectory();
        var layout = await Imported(dir);
        var (_, _, stderr) = (await Run("shortlist", "--vacancy", "vac-1", "--data", layout.Root)).AssertExit(1);
        Assert.Contains("er is nog geen ranker getraind", stderr, StringComparison.Ordinal);
        Assert.Contains("train ranker", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shortlist_RankerHeldBackByTheFairnessGate_NamesTheVersionTheRefusalAndTheOverrideCommand()
    {
        using var dir = new TempDirectory();
        var layout = await Imported(dir);
        var version = SaveHeldBack(layout, "ranker");
        var (_, _, stderr) = (await Run("shortlist", "--vacancy", "vac-1", "--data", layout.Root)).AssertExit(1);
        Assert.DoesNotContain("nog geen ranker getraind", stderr, StringComparison.Ordinal);
        Assert.Contains($"er is geen ranker gepromoveerd: {version} is getraind op 2025-06-30, en de eerlijkheidstoets hield deze tegen", stderr, StringComparison.Ordinal);
        Assert.Contains("laagste groepsratio 0,62 < 0,80", stderr, StringComparison.Ordinal);
        Assert.Contains($"Een beheerder beslist: `matchengine models promote {version} --override-fairness \"REDEN\"`", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shortlist_RunChoseAnEarlierVersionThanItsLast_NamesTheChosenOne()
    {
        // A run trains several versions to compare; the one it chose, not the last it saved, is the one the gate held back.
        using var dir = new TempDirectory();
        var layout = await Imported(dir);
        var chosen = SaveHeldBack(layout, "ranker", selected: true, kind: "SplineLogistic");
        var last = SaveHeldBack(layout, "ranker", kind: "LightGbm");
        var (_, _, stderr) = (await Run("shortlist", "--vacancy", "vac-1", "--data", layout.Root)).AssertExit(1);
        Assert.Contains($"er zijn 2 versies getraind; de laatste training koos {chosen} (SplineLogistic, 2025-06-30), en de eerlijkheidstoets hield deze tegen",
            stderr, StringComparison.Ordinal);
        Assert.Contains($"`matchengine models promote {chosen} --override-fairness \"REDEN\"`", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(last, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Herinstroom_ModelHeldBackByTheFairnessGate_NamesTheVersionTheRefusalAndTheOverrideCommand()
    {
        using var dir = new TempDirectory();
        var layout = await Imported(dir);
        var version = SaveHeldBack(layout, "herinstroom");
        var (_, _, stderr) = (await Run("herinstroom", "--out", dir.File("risks.csv"), "--data", layout.Root)).AssertExit(1);
        Assert.Contains($"er is geen herinstroommodel gepromoveerd: {version} is getraind op 2025-06-30, en de eerlijkheidstoets hield deze tegen", stderr, StringComparison.Ordinal);
        Assert.Contains($"`matchengine models promote {version} --override-fairness \"REDEN\"`", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_TrainedVersionThatPassedTheGate_SaysItWasNeverPromotedAndHowToPromoteIt()
    {
        using var dir = new TempDirectory();
        var registry = new ModelRegistry(dir.File("models"), TimeProvider.System);
        var (version, _) = registry.NewVersion("ranker");
        registry.Save(new ModelManifest
        {
            Name = "ranker", Version = version, Kind = "test", CreatedAt = new DateTimeOffset(2025, 6, 30, 12, 0, 0, TimeSpan.Zero),
            Features = [], DataHash = "test", Metrics = new Dictionary<string, double> { ["fairness.min_ratio"] = 0.9, ["fairness.threshold"] = 0.8 },
        });
        Assert.Equal($"er is geen ranker gepromoveerd: {version} is getraind op 2025-06-30 en nooit gepromoveerd; promoveer deze met `matchengine models promote {version}`",
            NotPromoted.Explain(registry, "ranker", "ranker", "train one"));
    }
}
