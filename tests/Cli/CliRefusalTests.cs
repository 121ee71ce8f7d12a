using MatchEngine.Tests.Support;
using MatchEngine.Training.Cli;

namespace MatchEngine.Tests.Cli;

/// <summary>The command line refuses what it does not understand, and answers <c>--help</c> on every verb.</summary>
public sealed class CliRefusalTests
{
    public static TheoryData<string> AllVerbs() => [.. Verbs.All().Select(c => c.Verb)];

    public static TheoryData<string> VerbsThatReadAStore() => [.. Verbs.All().Where(c => c.Data == DataUse.ReadsStore).Select(c => c.Verb)];

    private static Task<CliResult> Run(params string[] args) => CliRun.RunAsync(new FixedClock(ContractSamples.Today), args);

    private static async Task<string> ImportedSamples(TempDirectory dir)
    {
        var (exit, _, error) = await Run("import", ContractSamples.WriteFolder(dir.File("world")), "--data", dir.File("data"));
        Assert.True(exit == 0, error);
        return dir.File("data");
    }

    [Theory]
    [MemberData(nameof(AllVerbs))]
    public async Task Help_EveryVerb_PrintsItsUsageAndExitsZero(string verb)
    {
        var (_, stdout, stderr) = (await Run(verb, "--help")).AssertSucceeded();
        Assert.Equal("", stderr);
        Assert.StartsWith($"gebruik: matchengine {verb}", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("heeft een waarde nodig", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_AfterOtherOptions_StillPrintsTheUsage()
    {
        var (_, stdout, _) = (await Run("shortlist", "--vacancy", "v1", "--help")).AssertSucceeded();
        Assert.Contains("--available-by", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shortlist_MistypedOption_ExitsOneNamingItTheLikelyOneAndTheValidOnes()
    {
        using var dir = new TempDirectory();
        var data = await ImportedSamples(dir);
        var (_, stdout, stderr) = (await Run("shortlist", "--vacancy", "vac-1", "--topp", "5", "--data", data)).AssertExit(1);
        Assert.Equal("", stdout);
        Assert.Contains("matchengine shortlist: onbekende optie --topp (bedoelt u --top?)", stderr, StringComparison.Ordinal);
        Assert.Contains("geldige opties: --vacancy, --top, --region, --available-by, --max-km, --strict-hours, --strict-shifts, --exclude-working, --fair-exposure, --exact, --json, "
            + "--data, --postgres", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllVerbs))]
    public async Task UnknownOption_EveryVerb_ExitsOneNamingIt(string verb)
    {
        var (_, _, stderr) = (await Run(verb, "--no-such-option", "1")).AssertExit(1);
        Assert.Contains("onbekende optie --no-such-option", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Synth_DataOption_IsRefusedBecauseSynthWritesOnlyItsOutFolder()
    {
        using var dir = new TempDirectory();
        var (_, _, stderr) = (await Run("synth", "--out", dir.File("world"), "--data", dir.File("data"))).AssertExit(1);
        Assert.Contains("onbekende optie --data", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.File("world")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Search_EmptyText_ExitsOneWithoutHits(string text)
    {
        using var dir = new TempDirectory();
        var data = await ImportedSamples(dir);
        var (_, stdout, stderr) = (await Run("search", text, "--type", "vacancies", "--json", "--data", data)).AssertExit(1);
        Assert.Equal("", stdout);
        Assert.Contains("geef de woorden waarop u wilt zoeken", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(VerbsThatReadAStore))]
    public async Task MissingDataFolder_VerbThatReadsAStore_ExitsOneAndCreatesNothing(string verb)
    {
        using var dir = new TempDirectory();
        var missing = dir.File("no-such-data");
        var (_, _, stderr) = (await Run(verb, "--data", missing)).AssertExit(1);
        Assert.Contains($"datamap bestaat niet: {missing}", stderr, StringComparison.Ordinal);
        Assert.Contains("matchengine import DIR", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public async Task Shortlist_FolderWithoutAStore_ExitsOneAndCreatesNoStore()
    {
        using var dir = new TempDirectory();
        var world = ContractSamples.WriteFolder(dir.File("world"));
        var (_, _, stderr) = (await Run("shortlist", "--vacancy", "vac-1", "--data", world)).AssertExit(1);
        Assert.Contains($"geen store in {world} (store.db ontbreekt)", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(world, "store.db")));
    }

    [Fact]
    public async Task Import_MissingDataFolder_CreatesTheStore()
    {
        using var dir = new TempDirectory();
        var data = await ImportedSamples(dir);
        Assert.True(File.Exists(Path.Combine(data, "store.db")));
    }

    public static TheoryData<string> VerbsWithoutArguments() => [.. Verbs.All().Where(c => c.MaxArguments == 0).Select(c => c.Verb)];

    [Theory]
    [MemberData(nameof(VerbsWithoutArguments))]
    public async Task StrayArgument_VerbThatTakesNone_ExitsOneNamingIt(string verb)
    {
        var (_, stdout, stderr) = (await Run(verb, "stray")).AssertExit(1);
        Assert.Equal("", stdout);
        Assert.StartsWith($"matchengine {verb}: onverwacht argument 'stray'; deze opdracht neemt geen losse argumenten, alleen opties", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shortlist_StrayWordBetweenOptions_ExitsOneNamingIt()
    {
        var (_, _, stderr) = (await Run("shortlist", "--vacancy", "v000021", "extra", "--top", "2")).AssertExit(1);
        Assert.StartsWith("matchengine shortlist: onverwacht argument 'extra';", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recommend_TwoStrayWords_NamesBoth()
    {
        var (_, _, stderr) = (await Run("recommend", "--candidate", "c000001", "--top", "1", "foo", "bar")).AssertExit(1);
        Assert.StartsWith("matchengine recommend: onverwachte argumenten 'foo' 'bar';", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Models_AWordTooMany_SaysHowManyItTakes()
    {
        var (_, _, stderr) = (await Run("models", "promote", "ranker-v0001", "now")).AssertExit(1);
        Assert.StartsWith("matchengine models: onverwacht argument 'now'; deze opdracht neemt hoogstens 2 losse argumenten", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RepeatedOption_ExitsOneNamingIt()
    {
        var (_, _, stderr) = (await Run("shortlist", "--vacancy", "v1", "--top", "1", "--top", "2")).AssertExit(1);
        Assert.StartsWith("matchengine shortlist: optie --top staat er meer dan eens; geef haar één keer", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FlagWithAValue_ExitsOneSayingItTakesNone()
    {
        var (_, _, stderr) = (await Run("shortlist", "--vacancy", "v1", "--json=false")).AssertExit(1);
        Assert.StartsWith("matchengine shortlist: optie --json neemt geen waarde; schrijf --json zonder '=false'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SingleDashOption_IsAnUnknownOptionWithTheLikelyOne()
    {
        var (_, _, stderr) = (await Run("shortlist", "-vacancy", "v1")).AssertExit(1);
        Assert.StartsWith("matchengine shortlist: onbekende optie -vacancy (bedoelt u --vacancy?); geldige opties: --vacancy,", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--vacancy vac-1 --sector logistiek")]
    [InlineData("")]
    public async Task Routes_BothOrNeitherOfVacancyAndSector_NamesTheOptions(string which)
    {
        using var dir = new TempDirectory();
        var data = await ImportedSamples(dir);
        var options = which.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var (_, stdout, stderr) = (await Run(["routes", "--candidate", "cand-1", .. options, "--json", "--data", data])).AssertExit(1);
        Assert.Equal("", stdout);
        Assert.StartsWith("matchengine routes: geef --vacancy of --sector (één van beide)", stderr, StringComparison.Ordinal);
    }
}
