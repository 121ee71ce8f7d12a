using MatchEngine.Models.Ranking;
using MatchEngine.Tests.Support;
using MatchEngine.Training.Runs;

namespace MatchEngine.Tests.Runs;

public sealed class TrainingConfigTests
{
    [Fact]
    public void Load_FileWithEveryField_ReadsThemAndRoundTripsThroughTheManifest()
    {
        using var dir = new TempDirectory();
        var path = dir.File("run.json");
        File.WriteAllText(path, """
            { "as_of": "2025-03-31", "seed": 7, "trees": 30, "leaves": 8, "learning_rate": 0.05, "min_examples_per_leaf": 10,
              "train_share": 0.75, "ips_eta": 1.0, "ips_clip": 5 }
            """);
        var config = TrainingConfig.Load(path);
        Assert.Equal(new DateOnly(2025, 3, 31), config.AsOf);
        Assert.Equal(7, config.Seed);
        Assert.Equal(0.05, config.LearningRate);
        Assert.Equal(config, TrainingConfig.FromManifest(config.ToManifest()));
    }

    [Fact]
    public void Load_UnknownField_IsRefusedWithTheFileName()
    {
        using var dir = new TempDirectory();
        var path = dir.File("run.json");
        File.WriteAllText(path, """{ "tress": 30 }""");
        var e = Assert.Throws<ArgumentException>(() => TrainingConfig.Load(path));
        Assert.Contains("run.json", e.Message, StringComparison.Ordinal);
        Assert.Contains("tress: onbekend veld; geldige velden: as_of, seed, trees,", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "trees": -5 }""", "trees: moet 1–10.000 zijn, niet -5")]
    [InlineData("""{ "leaves": 1 }""", "leaves: moet 2–1.024 zijn, niet 1")]
    [InlineData("""{ "learning_rate": 0 }""", "learning_rate: moet > 0 en ≤ 1 zijn, niet 0")]
    [InlineData("""{ "train_share": 1 }""", "train_share: moet > 0 en ≤ 0,99 zijn, niet 1")]
    [InlineData("""{ "ips_clip": 0.5 }""", "ips_clip: moet 1–1.000.000 zijn, niet 0,5")]
    public void Parse_SettingOutOfRange_IsRefusedBeforeAnyRun(string json, string message)
    {
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => TrainingConfig.Parse(json)).Message);
    }

    [Fact]
    public void Parse_FairnessThreshold_IsRefusedAsPolicy()
    {
        var e = Assert.Throws<ArgumentException>(() => TrainingConfig.Parse("""{ "trees": 5, "fairness_threshold": 0 }"""));
        Assert.Contains("fairness_threshold is beleid, geen trainingsinstelling", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_OptionOverFile_OptionWinsAndTheRestStays()
    {
        var file = new TrainingConfig { Seed = 1, Trees = 30 };
        var merged = file.With(new TrainingConfig { Seed = 2 });
        Assert.Equal(2, merged.Seed);
        Assert.Equal(30, merged.Trees);
    }

    [Fact]
    public void ResolvedFor_Ranker_FillsTheDefaultsTheRunUses()
    {
        var resolved = new TrainingConfig { Trees = 30 }.ResolvedFor("ranker");
        Assert.Equal(30, resolved.Trees);
        Assert.Equal(42, resolved.Seed);
        Assert.Equal(new RankerOptions().Leaves, resolved.Leaves);
        Assert.Equal(new RankerOptions().MinExamplesPerLeaf, resolved.MinExamplesPerLeaf);
        Assert.Null(resolved.IpsEta);
    }
}
