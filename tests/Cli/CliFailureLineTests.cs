using MatchEngine.Tests.Support;
using MatchEngine.Training.Access;
using MatchEngine.Training.Cli;
using MatchEngine.Training.Synth;

namespace MatchEngine.Tests.Cli;

/// <summary>A run the command line cannot do ends in one Dutch line on stderr naming the option and why, with exit code 1: never a stack trace.</summary>
public sealed class CliFailureLineTests
{
    private static Task<CliResult> Run(params string[] args) => CliRun.RunAsync(new FixedClock(ContractSamples.Today), args);

    private static async Task<string> ImportedSamples(TempDirectory dir)
    {
        var (exit, _, error) = await Run("import", ContractSamples.WriteFolder(dir.File("world")), "--data", dir.File("data"));
        Assert.True(exit == 0, error);
        return dir.File("data");
    }

    /// <summary>The run exited 1 with nothing on stdout and one line on stderr, which is returned.</summary>
    private static string OneLine(CliResult result)
    {
        var (_, stdout, stderr) = result.AssertExit(1);
        Assert.Equal("", stdout);
        var lines = stderr.TrimEnd().Split('\n');
        Assert.True(lines.Length == 1, stderr);
        return lines[0];
    }

    [Theory]
    [InlineData("herinstroom")]
    [InlineData("training-needs")]
    [InlineData("export leerwerk")]
    public async Task Out_AFolder_SaysItIsAFolder(string command)
    {
        using var dir = new TempDirectory();
        var data = await ImportedSamples(dir);
        var verb = command.Split(' ');
        var line = OneLine(await Run([.. verb, "--out", dir.Path, "--data", data]));
        Assert.Equal($"matchengine {verb[0]}: optie --out: {dir.Path} is een map; geef een bestandsnaam", line);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    public async Task Export_SaltFileTooShort_SaysHowManyBytesItNeeds(int bytes)
    {
        using var dir = new TempDirectory();
        var data = await ImportedSamples(dir);
        var salt = dir.File("short.key");
        File.WriteAllBytes(salt, new byte[bytes]);
        var line = OneLine(await Run("export", "leerwerk", "--out", dir.File("l.csv"), "--salt-file", salt, "--data", data));
        Assert.StartsWith($"matchengine export: optie --salt-file: {salt} bevat {bytes} bytes, een sleutel moet er minstens 16 hebben", line, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("l.csv")));
    }

    [Fact]
    public async Task Export_SaltFileAFolder_SaysItIsAFolder()
    {
        using var dir = new TempDirectory();
        var data = await ImportedSamples(dir);
        var line = OneLine(await Run("export", "leerwerk", "--out", dir.File("l.csv"), "--salt-file", dir.Path, "--data", data));
        Assert.Equal($"matchengine export: optie --salt-file: {dir.Path} is een map; geef het bestand met de sleutel", line);
    }

    [Theory]
    [InlineData("nope")]
    [InlineData("ranker-vX")]
    [InlineData("onzin-v0001")]
    public async Task ModelsPromote_NotAVersionName_SaysWhatAVersionIsCalled(string version)
    {
        using var dir = new TempDirectory();
        var data = await ImportedSamples(dir);
        var line = OneLine(await Run("models", "promote", version, "--data", data));
        Assert.Equal($"matchengine models: modelversie '{version}' bestaat niet: een versie heet NAAM-vNNNN, bijvoorbeeld ranker-v0003", line);
    }

    [Fact]
    public async Task ModelsList_UnknownName_IsRefusedAsRollbackRefusesIt()
    {
        using var dir = new TempDirectory();
        var data = await ImportedSamples(dir);
        var (_, stdout, list) = (await Run("models", "list", "foo", "--data", data)).AssertExit(1);
        Assert.Equal("", stdout);
        var (_, _, rollback) = (await Run("models", "rollback", "foo", "--data", data)).AssertExit(1);
        Assert.StartsWith("matchengine models: name: moet ranker, herinstroom of leerwerk zijn, niet 'foo'", list, StringComparison.Ordinal);
        Assert.Equal(rollback, list);
    }

    [Theory]
    [InlineData("-0.1", "-0,1")]
    [InlineData("2", "2")]
    [InlineData("NaN", "NaN")]
    public async Task ModelsFairnessThreshold_OutOfRange_IsOneDutchLineEchoingTheValue(string value, string shown)
    {
        using var dir = new TempDirectory();
        var data = await ImportedSamples(dir);
        var (_, _, stderr) = (await Run("models", "fairness-threshold", value, "--reason", "x", "--data", data)).AssertExit(1);
        Assert.StartsWith($"matchengine models: drempel moet 0–1,5 zijn, niet {shown}\n", stderr.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("shortlist --vacancy vac-1")]
    [InlineData("search heftruck")]
    [InlineData("ready --vacancies vac-1")]
    [InlineData("training-needs")]
    public async Task Region_NoCandidateLivesThere_NamesTheRegionsTheStoreHolds(string command)
    {
        using var dir = new TempDirectory();
        var data = await ImportedSamples(dir);
        var verb = command.Split(' ');
        var line = OneLine(await Run([.. verb, "--region", "XX", "--data", data]));
        Assert.Equal($"matchengine {verb[0]}: region: 'XX' is onbekend: geen kandidaat woont er; er zijn kandidaten in GV", line);
        (await Run("search", "heftruck", "--region", "GV", "--json", "--data", data)).AssertSucceeded();
    }

    [Theory]
    [InlineData("ready --vacancies vac-1 --months 40", "months: moet 1–36 zijn, niet 40")]
    [InlineData("search heftruck --top 100000", "top: moet 1–1.000 zijn, niet 100.000")]
    [InlineData("synth --out x --messy 1.5", "--messy moet 0–1 zijn, niet 1,5")]
    [InlineData("synth --out x --vacancies 2", "--vacancies moet ≥ 3 zijn, niet 2")]
    public async Task Range_OutOfIt_EchoesTheValueInDutchNumbers(string command, string reason)
    {
        using var dir = new TempDirectory();
        var data = await ImportedSamples(dir);
        var verb = command.Split(' ').Select(a => a == "x" ? dir.File("w") : a).ToArray();
        var (_, _, stderr) = (await Run([.. verb, .. verb[0] == "synth" ? Array.Empty<string>() : ["--data", data]])).AssertExit(1);
        Assert.StartsWith($"matchengine {verb[0]}: {reason}\n", stderr.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_MoreVacanciesThanOneDriveTakes_NamesTheOptionNotTheGrpcField()
    {
        using var dir = new TempDirectory();
        var data = await ImportedSamples(dir);
        var ids = string.Join(",", Enumerable.Range(1, 101).Select(i => $"vac-{i}"));
        var (_, _, stderr) = (await Run("ready", "--vacancies", ids, "--data", data)).AssertExit(1);
        Assert.StartsWith("matchengine ready: vacancies: geef 1–100 vacatures, niet 101\n", stderr.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_ContractFileNameIsAFolder_FailsNamingItAndImportsNothing()
    {
        using var dir = new TempDirectory();
        var world = ContractSamples.WriteFolder(dir.File("world"));
        File.Delete(Path.Combine(world, "placements.jsonl"));
        Directory.CreateDirectory(Path.Combine(world, "placements.jsonl"));
        var line = OneLine(await Run("import", world, "--data", dir.File("data")));
        Assert.Equal($"matchengine import: {Path.Combine(world, "placements.jsonl")} is een map; een contractbestand moet een bestand zijn", line);
        Assert.False(File.Exists(Path.Combine(dir.File("data"), "store.db")));
    }

    [Fact]
    public async Task Import_FileThatIsNoContractFile_IsNamedInAWarningAndTheRestImported()
    {
        using var dir = new TempDirectory();
        var world = ContractSamples.WriteFolder(dir.File("world"));
        File.Move(Path.Combine(world, "placements.jsonl"), Path.Combine(world, "placement.jsonl"));
        File.WriteAllText(Path.Combine(world, "notes.txt"), "x");
        var (_, stdout, stderr) = (await Run("import", world, "--data", dir.File("data"))).AssertSucceeded();
        var warnings = stderr.Split('\n').Where(l => l.StartsWith("waarschuwing: ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["waarschuwing: notes.txt is geen contractbestand en wordt niet geïmporteerd (contractbestanden: employers.jsonl, sroi_contracts.jsonl, " +
            "vacancies.jsonl, candidates.jsonl, routes.jsonl, match_events.jsonl en placements.jsonl)",
            "waarschuwing: placement.jsonl is geen contractbestand en wordt niet geïmporteerd (bedoelt u placements.jsonl?)"], warnings);
        Assert.Contains("\"placements\":0", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not base64!", "is geen geldige base64")]
    [InlineData("c2hvcnQ=", "is 5 bytes lang, moet minstens 32 zijn")]
    public async Task Token_SigningKeyTheApiRefuses_SaysWhy(string key, string why)
    {
        var (_, stdout, stderr) = (await Run("token", "--user", "anna", "--role", "admin", "--signing-key", key)).AssertExit(1);
        Assert.Equal("", stdout);
        Assert.StartsWith($"matchengine token: optie --signing-key {why} (matchengine token --new-key maakt een sleutel)", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Token_EmptyUser_IsRefused(string user)
    {
        var (_, stdout, stderr) = (await Run("token", "--user", user, "--role", "admin", "--signing-key", AccessTokens.NewSigningKey())).AssertExit(1);
        Assert.Equal("", stdout);
        Assert.StartsWith("matchengine token: optie --user mag niet leeg zijn", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1990-01-01")]
    [InlineData("2025-07-01")]
    public async Task Synth_AsOfOutsideWhatTheContractAllows_NamesTheRangeAndWritesNothing(string asOf)
    {
        using var dir = new TempDirectory();
        var (_, _, stderr) = (await Run("synth", "--out", dir.File("w"), "--candidates", "50", "--vacancies", "5", "--as-of", asOf)).AssertExit(1);
        Assert.StartsWith($"matchengine synth: --as-of moet 2006-01-01 tot en met 2025-06-30 zijn, niet {asOf}: ", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.File("w")));
    }

    [Theory]
    [InlineData("2006-01-01")]
    [InlineData("2025-06-30")]
    public async Task Synth_AsOfAtTheEndsOfItsRange_WritesARegionImportTakesWhole(string asOf)
    {
        using var dir = new TempDirectory();
        (await Run("synth", "--out", dir.File("w"), "--candidates", "300", "--vacancies", "10", "--as-of", asOf)).AssertSucceeded();
        (await Run("import", dir.File("w"), "--data", dir.File("data"))).AssertSucceeded();
        Assert.Equal((new DateOnly(2006, 1, 1), ContractSamples.Today), CandidateGenerator.AsOfRange(ContractSamples.Today));
    }

    [Fact]
    public async Task Synth_OutAFile_SaysWritingFailedInOneDutchLine()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("taken"), "x");
        var line = OneLine(await Run("synth", "--out", dir.File("taken"), "--candidates", "50", "--vacancies", "5"));
        Assert.Equal("matchengine synth: lezen of schrijven mislukt (IOException); controleer de paden die u gaf en de rechten erop", line);
    }

    [Fact]
    public async Task UnexpectedException_IsOneDutchLineWithoutAStackTrace()
    {
        var (_, stdout, stderr) = (await CliRun.RunAsync([new Throwing()], TimeProvider.System, "throw")).AssertExit(1);
        Assert.Equal("", stdout);
        Assert.Equal("matchengine throw: interne fout: KeyNotFoundException; meld dit met de opdracht die u gaf", stderr.TrimEnd());
    }

    private sealed class Throwing : ICommand
    {
        public string Verb => "throw";
        public string Usage => "throw";
        public IReadOnlySet<string> Flags { get; } = new HashSet<string>();
        public DataUse Data => DataUse.None;
        public Task<int> RunAsync(CliArgs args, CliContext context, CancellationToken cancellationToken) => throw new KeyNotFoundException("boom");
    }
}
