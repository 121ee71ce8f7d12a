using System.Text.Json.Nodes;
using MatchEngine.Tests.Support;
using MatchEngine.Training.Synth;

namespace MatchEngine.Tests.Synth;

/// <summary>synth writes what it made a region with, import keeps it, and ceiling grades by the truth it records.</summary>
public sealed class SynthSettingsTests
{
    [Fact]
    public async Task SynthImportCeiling_GatedRegion_GradesByTheRecordedTruthAndRefusesAnother()
    {
        using var dir = new TempDirectory();
        var (world, data) = (dir.File("world"), dir.File("data"));
        (await Run("synth", "--out", world, "--candidates", "400", "--vacancies", "30", "--seed", "5", "--truth", "gated", "--history-policy", "random"))
            .AssertSucceeded();
        var made = SynthSettings.Read(world);
        Assert.NotNull(made);
        Assert.Equal((TruthShape.Gated, HistoryPolicy.Random, 5, 400, new DateOnly(2025, 6, 30)), (made.Truth, made.HistoryPolicy, made.Seed, made.Candidates, made.Today));
        Assert.Contains("\"truth\": \"gated\"", File.ReadAllText(Path.Combine(world, SynthSettings.FileName)), StringComparison.Ordinal);

        (await Run("import", world, "--data", data)).AssertSucceeded();
        Assert.Equal(made, SynthSettings.Read(data));

        var refused = (await Run("ceiling", "--data", data, "--truth", "additive")).AssertExit(1);
        Assert.Contains("--truth additive wijkt af van de verborgen waarheid waarmee synth deze regio maakte (gated, volgens synth.json)", refused.Err, StringComparison.Ordinal);
        var graded = (await Run("ceiling", "--data", data)).AssertSucceeded();
        Assert.Equal("gated", JsonNode.Parse(graded.LastLine)!["truth_shape"]!.GetValue<string>());
        Assert.Contains("ceiling: grading by the gated truth (the region's synth.json)", graded.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Synth_SameArgumentsTwice_WritesTheSameSettings()
    {
        using var dir = new TempDirectory();
        string[] args = ["--candidates", "50", "--vacancies", "5", "--no-history", "--truth", "stepped"];
        (await Run(["synth", "--out", dir.File("a"), .. args])).AssertSucceeded();
        (await Run(["synth", "--out", dir.File("b"), .. args])).AssertSucceeded();
        Assert.Equal(File.ReadAllBytes(Path.Combine(dir.File("a"), SynthSettings.FileName)), File.ReadAllBytes(Path.Combine(dir.File("b"), SynthSettings.FileName)));
    }

    private static Task<CliResult> Run(params string[] args) => CliRun.RunAsync(new FixedClock(new DateTimeOffset(2025, 6, 30, 12, 0, 0, TimeSpan.Zero)), args);
}
