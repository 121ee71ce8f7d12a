using MatchEngine.Tests.Support;
using MatchEngine.Training.Cli;
using MatchEngine.Training.Export;

namespace MatchEngine.Tests.Export;

public sealed class TrainingSetExportTests(TrainedRegion region) : IClassFixture<TrainedRegion>
{
    private static Task<CliResult> Cli(params string[] args) => CliRun.RunAsync([new ExportCommand()], new FixedClock(TrainedRegion.Today), args);

    [Fact]
    public async Task Export_Ranker_NoRawIdsNoProtectedAttributesAndStablePseudonyms()
    {
        using var dir = new TempDirectory();
        region.CopyDataTo(dir.File("data"));
        (await Cli("export", "ranker", "--out", dir.File("a.csv"), "--data", dir.File("data"))).AssertSucceeded();
        Assert.True(File.Exists(Path.Combine(dir.File("data"), Pseudonymizer.DefaultFileName)));
        var lines = File.ReadAllLines(dir.File("a.csv"));
        Assert.True(lines.Length > 1000);
        var header = lines[0].Split(',');
        Assert.Equal(["vacancy", "candidate", "split", "date", "sector", "label", "logged_position"], header[..7]);
        Assert.DoesNotContain(header, h => h.Contains("gender", StringComparison.OrdinalIgnoreCase) || h.Contains("migration", StringComparison.OrdinalIgnoreCase) || h.Contains("text",
            StringComparison.OrdinalIgnoreCase));

        var cells = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.All(cells, c => Assert.Matches("^v_[0-9a-f]{32}$", c[0]));
        Assert.All(cells, c => Assert.Matches("^c_[0-9a-f]{32}$", c[1]));
        // No cell is a raw id (a substring test would hit ids like c001107 inside hex pseudonyms by chance).
        var ids = region.World.Candidates.Select(c => c.Id).Concat(region.World.Vacancies.Select(v => v.Id)).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(cells.SelectMany(c => c), ids.Contains);
        Assert.DoesNotContain(cells.SelectMany(c => c), cell => cell.Length > 2 && ids.Contains(cell[2..]));

        // The same salt (created on first use) gives the same file; another salt gives other pseudonyms.
        await Cli("export", "ranker", "--out", dir.File("b.csv"), "--data", dir.File("data"));
        Assert.Equal(File.ReadAllBytes(dir.File("a.csv")), File.ReadAllBytes(dir.File("b.csv")));
        await Cli("export", "ranker", "--out", dir.File("c.csv"), "--salt-file", dir.File("other.key"), "--data", dir.File("data"));
        var other = File.ReadAllLines(dir.File("c.csv"));
        Assert.Equal(lines.Length, other.Length);
        Assert.NotEqual(cells[0][1], other[1].Split(',')[1]);
        Assert.Equal(lines[1].Split(',')[2..], other[1].Split(',')[2..]);
    }

    [Fact]
    public void Of_SameSaltSameId_SamePseudonym()
    {
        var salt = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        Assert.Equal(new Pseudonymizer(salt).Of('c', "c000001"), new Pseudonymizer(salt).Of('c', "c000001"));
        Assert.NotEqual(new Pseudonymizer(salt).Of('c', "c000001"), new Pseudonymizer(salt).Of('c', "c000002"));
        Assert.NotEqual(new Pseudonymizer(salt).Of('c', "c000001"), new Pseudonymizer([.. salt.Reverse()]).Of('c', "c000001"));
    }

    [Fact]
    public async Task Export_Herinstroom_HasMonthsEventAndPseudonymisedPlacements()
    {
        using var dir = new TempDirectory();
        region.CopyDataTo(dir.File("data"));
        (await Cli("export", "herinstroom", "--out", dir.File("h.csv"), "--data", dir.File("data"))).AssertSucceeded();
        var lines = File.ReadAllLines(dir.File("h.csv"));
        Assert.StartsWith("placement,candidate,split,start,months,event,", lines[0], StringComparison.Ordinal);
        Assert.All(lines.Skip(1), l => Assert.Matches("^p_[0-9a-f]{32},c_[0-9a-f]{32},(train|test),", l));
    }
}
