using MatchEngine.Api.Configuration;
using MatchEngine.Api.Hosting;
using MatchEngine.Api.Security;
using MatchEngine.Tests.Support;
using MatchEngine.Training.Cli;
using Microsoft.Extensions.Configuration;

namespace MatchEngine.Tests.Api;

/// <summary>
/// The api's and the demo's command line and settings: what is refused is refused in one Dutch line naming the option or
/// setting, the value and the reason, with exit code 1 and no stack trace; what is accepted reaches the host as configuration.
/// </summary>
public sealed class ApiCommandLineTests
{
    private static string Refusal(IReadOnlyList<string> args, bool demo = false) =>
        Assert.Throws<CliUsageException>(() => ApiCommandLine.Parse(args, demo)).Message;

    [Fact]
    public void Parse_TypoInASetting_SuggestsTheSettingAndListsTheValidOnes() =>
        Assert.StartsWith("onbekende optie --MatchEngine:Prot (bedoelt u --MatchEngine:Port?); geldige opties: --MatchEngine:DataDirectory, ",
            Refusal(["--MatchEngine:Prot=5081"]), StringComparison.Ordinal);

    [Theory]
    [InlineData("--port", "--MatchEngine:Port")]
    [InlineData("--data", "--MatchEngine:DataDirectory")]
    [InlineData("--host", "--MatchEngine:Host")]
    public void Parse_OptionNamedLikeTheCli_PointsToTheSettingItMeans(string option, string setting) =>
        Assert.StartsWith($"onbekende optie {option} (bedoelt u {setting}?); geldige opties: ", Refusal([option, "x"]), StringComparison.Ordinal);

    [Fact]
    public void Parse_Verb_OnlyDemoExists() =>
        Assert.Equal("onbekende opdracht 'serve'; de api kent alleen de opdracht demo en verder instellingen als --MatchEngine:Port=5081", Refusal(["serve"]));

    [Fact]
    public void Parse_SettingLastWithoutValue_SaysItNeedsOne() =>
        Assert.Equal("optie --MatchEngine:Port heeft een waarde nodig", Refusal(["--MatchEngine:Port"]));

    [Fact]
    public void Parse_DemoOptionsForTheApi_AreUnknown() =>
        Assert.StartsWith("onbekende optie --serve; geldige opties: --MatchEngine:DataDirectory", Refusal(["--serve"]), StringComparison.Ordinal);

    [Fact]
    public void Parse_DemoAsOfNotADate_NamesTheOptionAndTheValue() =>
        Assert.Equal("optie --as-of moet een datum (JJJJ-MM-DD) zijn, niet '30-06-2025'", Refusal(["--as-of", "30-06-2025"], demo: true));

    [Fact]
    public void Parse_SettingsInEitherFormAndAnyCase_ReachTheHostAsKeyValue()
    {
        var parsed = ApiCommandLine.Parse(["--serve", "--MatchEngine:Port", "5081", "--matchengine:consoleport=0", "--as-of=2025-05-01",
            "--Logging:LogLevel:Default=Warning", "--MatchEngine:Auth:ApiKeys:0:Regions:0=GV"], demo: true);

        Assert.True(parsed.Serve);
        Assert.Equal(new DateOnly(2025, 5, 1), parsed.AsOf);
        Assert.Equal(["--MatchEngine:Port=5081", "--matchengine:consoleport=0", "--Logging:LogLevel:Default=Warning", "--MatchEngine:Auth:ApiKeys:0:Regions:0=GV"],
            parsed.Settings);
    }

    [Fact]
    public void Parse_Help_WinsOverAnythingElse() => Assert.True(ApiCommandLine.Parse(["--bogus", "--help"], demo: false).Help);

    [Theory]
    [InlineData("Port", "99999", "instelling MatchEngine:Port moet 0–65.535 zijn, niet 99.999")]
    [InlineData("Port", "abc", "instelling MatchEngine:Port moet een geheel getal zijn, niet 'abc'")]
    [InlineData("RateLimitPerSecond", "0", "instelling MatchEngine:RateLimitPerSecond moet 1–1.000.000 zijn, niet 0")]
    [InlineData("ExactRanking", "ja", "instelling MatchEngine:ExactRanking moet true of false zijn, niet 'ja'")]
    [InlineData("Host", "localhost", "instelling MatchEngine:Host moet een IP-adres zijn (zoals 127.0.0.1), niet 'localhost'")]
    [InlineData("DataDirectory", "", "instelling MatchEngine:DataDirectory mag niet leeg zijn")]
    public void SettingsCheck_BadSetting_OneDutchLineNamingSettingValueAndReason(string setting, string value, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [$"MatchEngine:{setting}"] = value }).Build();
        Assert.Equal([expected], SettingsCheck.Problems(configuration));
    }

    [Fact]
    public void SettingsCheck_Defaults_HaveNoProblems() => Assert.Empty(SettingsCheck.Problems(new ConfigurationBuilder().Build()));

    [Fact]
    public void SettingsCheck_ShortSigningKey_SaysHowLongWithoutRepeatingIt()
    {
        var key = Convert.ToBase64String(new byte[16]);
        var line = Assert.Single(SettingsCheck.Failures(new AuthOptions { SigningKey = key }));
        Assert.StartsWith("instelling MatchEngine:Auth:SigningKey is 16 bytes lang, moet minstens 32 zijn: de api start pas met een sleutel", line, StringComparison.Ordinal);
        Assert.DoesNotContain(key, line, StringComparison.Ordinal);
    }

    [Fact]
    public void ApiHost_SettingOutOfRange_RefusesBeforeBuilding()
    {
        var e = Assert.Throws<SettingsException>(() => ApiHost.Build([], b => b.Configuration.AddInMemoryCollection(
            new Dictionary<string, string?> { ["MatchEngine:ConsolePort"] = "-1" })));
        Assert.Equal(["instelling MatchEngine:ConsolePort moet 0–65.535 zijn, niet -1"], e.Problems);
    }

    [Theory]
    [InlineData("matchengine api: onbekende optie --port (bedoelt u --MatchEngine:Port?); geldige opties: ", "--port", "5081")]
    [InlineData("matchengine api: instelling MatchEngine:Port moet 0–65.535 zijn, niet 99.999", "--MatchEngine:Port=99999")]
    [InlineData("matchengine demo: onbekende optie --bogus; geldige opties: --serve, --as-of, ", "demo", "--bogus")]
    [InlineData("matchengine demo: instelling MatchEngine:Port moet een geheel getal zijn, niet 'abc'", "demo", "--MatchEngine:Port", "abc")]
    [InlineData("matchengine api: instelling MatchEngine:Auth:SigningKey ontbreekt: de api start pas met een sleutel", "--MatchEngine:Port=0", "--MatchEngine:ConsolePort=0")]
    public async Task DotnetRun_Refused_OneDutchLineOnStderrAndExitOne(string line, params string[] args)
    {
        using var dir = new TempDirectory();
        using var api = ApiProcess.Start(dir.Path, new Dictionary<string, string> { ["MatchEngine__Auth__SigningKey"] = "" }, args);
        Assert.Equal(1, await api.ExitCodeAsync(TimeSpan.FromMinutes(3)));
        Assert.StartsWith(line, Assert.Single(api.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", api.Stdout + api.Stderr, StringComparison.Ordinal);
        if (args.FirstOrDefault() == "demo")
            Assert.False(File.Exists(Path.Combine(dir.File("data"), "demo-world", "candidates.jsonl")), "nothing generated before the refusal");
    }

    [Fact]
    public async Task DotnetRun_Help_PrintsTheApisUsageInDutchAndExitsZeroWithoutStarting()
    {
        using var dir = new TempDirectory();
        using var api = ApiProcess.Start(dir.Path, null, "--help");
        Assert.Equal(0, await api.ExitCodeAsync(TimeSpan.FromMinutes(3)));
        Assert.StartsWith("gebruik: dotnet run --project api -c Release [-- --MatchEngine:Port=5080", api.Stdout, StringComparison.Ordinal);
        Assert.Contains("instellingen: --MatchEngine:DataDirectory, ", api.Stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.File("data")));
    }
}
