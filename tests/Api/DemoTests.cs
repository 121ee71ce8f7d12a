using System.Text.RegularExpressions;
using MatchEngine.Tests.Support;

namespace MatchEngine.Tests.Api;

/// <summary>
/// The demo as a user runs it (<c>dotnet run --project api -- demo</c>) on a region whose ranker is already promoted:
/// it trains the other models as <c>train</c> does, with their reports, and shows every user's answers, the SROI-makelaar's included.
/// </summary>
public sealed partial class DemoTests(TrainedRegion region) : IClassFixture<TrainedRegion>
{
    [Fact]
    public async Task Demo_RegionWithARanker_TrainsTheRestWithReportsAndShowsTheMakelaarsAnswersAsOfTheDatasDate()
    {
        using var dir = new TempDirectory();
        region.CopyDataTo(dir.File("data"));
        using var demo = ApiProcess.Start(dir.Path, null, "demo", "--MatchEngine:Port=0", "--MatchEngine:ConsolePort=0");
        Assert.True(await demo.ExitCodeAsync(TimeSpan.FromMinutes(10)) == 0, demo.Stdout + demo.Stderr);
        var output = demo.Stdout;

        Assert.Contains($"MatchEngine demo — data directory {dir.File("data")}", output, StringComparison.Ordinal);
        Assert.Contains("Today is 2025-06-30, the data's date", output, StringComparison.Ordinal);
        var reports = ReportLine().Matches(output).Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(2, reports.Length);
        Assert.All(reports, r => Assert.True(File.Exists(r), r));
        Assert.Contains(reports, r => r.EndsWith(Path.Combine("herinstroom", "herinstroom-v0001", "report.md"), StringComparison.Ordinal));
        Assert.NotEmpty(Directory.GetFiles(Path.GetDirectoryName(reports[0])!, "*.png"));
        // Each trained model's fairness audit in two lines: the verdict, then calibration, flags and groups too small to count.
        Assert.Equal(2, Regex.Matches(output, @"   fairness herinstroom-v0001: ").Count);
        Assert.Matches(@"   fairness herinstroom-v0001: (voldoet|GEBLOKKEERD) bij \d,\d\d", output);

        Assert.Contains("== SROI-makelaar: which contracts need placements most? as of 2025-06-30 (Sroi.Worklist)", output, StringComparison.Ordinal);
        Assert.Matches(@"   1\. \S+ \(\S+\) "".*"": verplichting € [\d.]+,\d\d, gerealiseerd € [\d.]+,\d\d, open € [\d.]+,\d\d", output);
        Assert.Contains("(Sroi.ContractProgress, Sroi.FindPlacements)", output, StringComparison.Ordinal);
        Assert.DoesNotContain(" weeks", output, StringComparison.Ordinal);
        Assert.DoesNotContain("months in", output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"report: (\S+report\.md)")]
    private static partial Regex ReportLine();
}
