using MatchEngine.Tests.Support;
using MatchEngine.Training.Cli;

namespace MatchEngine.Tests.Cli;

/// <summary>The usage errors of the command line are Dutch, name the option and echo what was given.</summary>
public sealed class CliArgsTests
{
    private static readonly HashSet<string> NoFlags = [];

    private static string UsageError(Func<object?> act) => Assert.Throws<CliUsageException>(act).Message;

    [Fact]
    public void Parse_OptionWithoutValue_SaysItNeedsOne() =>
        Assert.Equal("optie --top heeft een waarde nodig", UsageError(() => CliArgs.Parse(["--top"], NoFlags)));

    [Fact]
    public void Parse_VerbWithoutOptions_SaysSo() =>
        Assert.Equal("onbekende optie --x; deze opdracht heeft geen opties", UsageError(() => CliArgs.Parse(["--x", "1"], NoFlags, [])));

    [Fact]
    public void Require_Absent_SaysItIsMissing() =>
        Assert.Equal("optie --out ontbreekt", UsageError(() => CliArgs.Parse([], NoFlags).Require("out")));

    [Fact]
    public void GetInt_NotAnInteger_EchoesTheValue() =>
        Assert.Equal("optie --top moet een geheel getal zijn, niet 'tien'", UsageError(() => CliArgs.Parse(["--top", "tien"], NoFlags).GetInt("top", 10)));

    [Fact]
    public void GetDouble_NotANumber_EchoesTheValue() =>
        Assert.Equal("optie --messy moet een getal zijn, niet '0,5'", UsageError(() => CliArgs.Parse(["--messy", "0,5"], NoFlags).GetDouble("messy", 0)));

    [Fact]
    public void GetDate_NotADate_EchoesTheValue() =>
        Assert.Equal("optie --as-of moet een datum (JJJJ-MM-DD) zijn, niet '30-06-2025'",
            UsageError(() => CliArgs.Parse(["--as-of", "30-06-2025"], NoFlags).GetDate("as-of")));

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("1999-12-31")]
    public void GetDate_OutsideTheYearsARequestMayName_RefusedAsOverGrpc(string day) =>
        Assert.Equal($"optie --as-of moet tussen 1 januari 2000 en 31 december 2099 liggen, niet {day}",
            UsageError(() => CliArgs.Parse(["--as-of", day], NoFlags).GetDate("as-of")));

    [Fact]
    public void Truth_UnknownShape_NamesTheShapes() =>
        Assert.Equal("--truth moet additive, stepped of gated zijn, niet 'round'", UsageError(() => TruthOption.From(CliArgs.Parse(["--truth", "round"], NoFlags))));

    [Fact]
    public async Task Synth_UnknownHistoryPolicy_NamesThePolicies()
    {
        using var dir = new TempDirectory();
        var (_, _, stderr) = (await CliRun.RunAsync([new SynthCommand()], TimeProvider.System, "synth", "--out", dir.File("w"), "--history-policy", "fair")).AssertExit(1);
        Assert.Contains("matchengine synth: --history-policy moet heuristic, random of text zijn, niet 'fair'", stderr, StringComparison.Ordinal);
        Assert.Contains("gebruik: matchengine synth", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_UnknownModel_NamesTheKnownOnes()
    {
        using var dir = new TempDirectory();
        var data = dir.File("data");
        Directory.CreateDirectory(data);
        File.WriteAllText(Path.Combine(data, "store.db"), "");
        var (_, _, stderr) = (await CliRun.RunAsync([new TrainCommand()], TimeProvider.System, "train", "rankr", "--data", data)).AssertExit(1);
        Assert.Contains("matchengine train: model: moet ranker, herinstroom of leerwerk zijn, niet 'rankr'", stderr, StringComparison.Ordinal);
    }
}
