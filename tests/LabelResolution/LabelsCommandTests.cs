using System.Text.Json;
using System.Text.Json.Nodes;
using MatchEngine.Engine.Contract;
using MatchEngine.Tests.Support;
using MatchEngine.Training.Cli;

namespace MatchEngine.Tests.LabelResolution;

/// <summary><c>matchengine labels</c> over a store made by <c>import</c>: the unresolved labels with counts, strict options, Dutch messages.</summary>
public sealed class LabelsCommandTests
{
    private static Task<CliResult> Run(params string[] args) => CliRun.RunAsync(new FixedClock(ContractSamples.Today), args);

    private static async Task<string> Imported(TempDirectory dir)
    {
        var folder = ContractSamples.WriteFolder(dir.File("world"), lines =>
        {
            var first = lines[EntityKind.Candidate][0];
            first["skills"] = new JsonArray("heftruckrijden", "lassen", "Lassen ");
            var second = ContractSamples.Candidate("cand-2");
            second["skills"] = new JsonArray("lassen", "ervaring met orderpicken");
            second["certificates"] = new JsonArray("rijbewijs");
            lines[EntityKind.Candidate].Add(second);
        });
        var (exit, _, error) = await Run("import", folder, "--data", dir.File("data"));
        Assert.True(exit == 0, error);
        return dir.File("data");
    }

    [Fact]
    public async Task Unresolved_Json_EachUnresolvedLabelWithItsCountAndNoCandidateData()
    {
        using var dir = new TempDirectory();
        var data = await Imported(dir);
        var (_, stdout, _) = (await Run("labels", "--unresolved", "--json", "--data", data)).AssertSucceeded();
        var json = JsonNode.Parse(stdout)!;
        var unresolved = json["unresolved"]!.AsArray();
        Assert.Equal(2, unresolved.Count);
        Assert.Equal("lassen", (string?)unresolved[0]!["text"]);
        Assert.Equal(3, (int)unresolved[0]!["count"]!);
        Assert.Equal("rijbewijs", (string?)unresolved[1]!["text"]);
        Assert.Equal("certificate", (string?)unresolved[1]!["kind"]);
        Assert.DoesNotContain("cand-", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unresolved_Text_DutchListWithCounts()
    {
        using var dir = new TempDirectory();
        var data = await Imported(dir);
        var (_, stdout, _) = (await Run("labels", "--unresolved", "--data", data)).AssertSucceeded();
        Assert.Contains("Niet herkende labels: 2 verschillende, 4 keer getypt", stdout, StringComparison.Ordinal);
        Assert.Matches(@"\s3  vaardigheid\s+lassen", stdout);
        Assert.Contains("synonyms.txt", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("labels")]
    [InlineData("labels", "--unresolved", "--check", "x.jsonl")]
    [InlineData("labels", "--unresolved", "--top", "0")]
    [InlineData("labels", "--unresolved", "--verbose")]
    public async Task Labels_BadUsage_ExitOneWithAMessage(params string[] args)
    {
        using var dir = new TempDirectory();
        var data = await Imported(dir);
        var (_, _, stderr) = (await Run([.. args, "--data", data])).AssertExit(1);
        Assert.False(string.IsNullOrWhiteSpace(stderr));
    }

    [Fact]
    public async Task Labels_Help_NamesBothForms()
    {
        var (_, stdout, stderr) = (await Run("labels", "--help")).AssertSucceeded();
        Assert.Contains("--unresolved", stdout + stderr, StringComparison.Ordinal);
        Assert.Contains("--check FILE", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Labels_NoStore_Refused()
    {
        using var dir = new TempDirectory();
        (await Run("labels", "--unresolved", "--data", dir.File("nothing"))).AssertExit(1);
    }
}
