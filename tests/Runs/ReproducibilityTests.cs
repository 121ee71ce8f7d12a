using System.IO.Compression;
using System.Text.Json.Nodes;
using MatchEngine.Engine;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Registry;
using MatchEngine.Tests.Support;
using MatchEngine.Training.Cli;
using MatchEngine.Training.Runs;

namespace MatchEngine.Tests.Runs;

/// <summary>Training twice from the same config on the same data gives the same data hash, the same metrics and the same model contents.</summary>
public sealed class ReproducibilityTests(TrainedRegion region) : IClassFixture<TrainedRegion>
{
    [Fact]
    public void Run_SameConfigTwice_SameDataHashMetricsAndModelContents()
    {
        using var dir = new TempDirectory();
        region.CopyDataTo(dir.File("data"));
        var layout = new DataLayout(dir.File("data"));
        var config = new TrainingConfig { Trees = 20, Seed = 11, Leaves = 8 };
        using var catalog = CatalogService.Open(layout, TimeProvider.System);
        var registry = new ModelRegistry(layout.ModelsPath, new FixedClock(TrainedRegion.Today));
        var first = JsonNode.Parse(TrainingRuns.Run(new TrainingRequest("ranker", config), catalog, new CandidatePool(catalog.Store), registry, TextWriter.Null).MetricsJson)!;
        var second = JsonNode.Parse(TrainingRuns.Run(new TrainingRequest("ranker", config), catalog, new CandidatePool(catalog.Store), registry, TextWriter.Null).MetricsJson)!;

        Assert.Equal(first["data_hash"]!.GetValue<string>(), second["data_hash"]!.GetValue<string>());
        foreach (var name in new[] { "lambdamart", "lightgbm" })
        {
            var (a, b) = (first["models"]![name]!.AsObject(), second["models"]![name]!.AsObject());
            Assert.NotEqual(a["version"]!.GetValue<string>(), b["version"]!.GetValue<string>());
            foreach (var metric in new[] { "ndcg@5", "ndcg@10", "map", "recall@50", "ips_ndcg@10" })
                Assert.Equal(a[metric]!.GetValue<double>(), b[metric]!.GetValue<double>());
            var (ma, mb) = (registry.Get(a["version"]!.GetValue<string>())!, registry.Get(b["version"]!.GetValue<string>())!);
            Assert.Equal(ma.Metrics.Where(m => !m.Key.StartsWith("fairness.", StringComparison.Ordinal)), mb.Metrics.Where(m => !m.Key.StartsWith("fairness.", StringComparison.Ordinal)));
            Assert.Equal(ZipContents(registry.DirectoryOf(ma.Version)), ZipContents(registry.DirectoryOf(mb.Version)));
            Assert.Equal("20", ma.Config!["trees"]);
            Assert.Equal("11", ma.Config["seed"]);
            Assert.Equal("0.1", ma.Config["learning_rate"]);
        }
    }

    [Fact]
    public async Task TrainCli_ConfigFileAndOption_OptionWinsConfigStoredAndReportPathPrinted()
    {
        using var dir = new TempDirectory();
        region.CopyDataTo(dir.File("data"));
        File.WriteAllText(dir.File("run.json"), """{ "trees": 15, "seed": 3, "leaves": 6 }""");
        var run = (await CliRun.RunAsync([new TrainCommand()], new FixedClock(TrainedRegion.Today),
            "train", "ranker", "--config", dir.File("run.json"), "--seed", "4", "--data", dir.File("data"))).AssertSucceeded();
        var lines = run.Out.TrimEnd().Split('\n');
        var json = JsonNode.Parse(lines[^1])!;
        var report = json["report"]!.GetValue<string>();
        Assert.Equal($"report: {report}", lines[^2]);
        Assert.True(File.Exists(report));
        Assert.Contains("permutation importance", run.Err, StringComparison.Ordinal);
        var manifest = new ModelRegistry(new DataLayout(dir.File("data")).ModelsPath, TimeProvider.System).Get(json["best"]!.GetValue<string>())!;
        Assert.Equal("15", manifest.Config!["trees"]);
        Assert.Equal("4", manifest.Config["seed"]);
        Assert.Equal("6", manifest.Config["leaves"]);
    }

    /// <summary>The entries of a version's model.zip by name (zip timestamps differ between runs; the contents must not).</summary>
    private static SortedDictionary<string, string> ZipContents(string directory)
    {
        using var zip = ZipFile.OpenRead(Path.Combine(directory, RankerModels.FileName));
        var contents = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            contents[entry.FullName] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(copy.ToArray()));
        }
        return contents;
    }
}
