using System.Text.RegularExpressions;
using MatchEngine.Tests.Support;

namespace MatchEngine.Tests.Api;

/// <summary>
/// The demo as a user runs it (<c>dotnet run --project api -- demo</c>) on a region whose ranker is already promoted:
/// it trains the other models as <c>train</c> does, with their reports, and shows every user's answers, the SROI-makelaar's included,
/// narrated in Dutch.
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

        Assert.Contains($"MatchEngine-demo — datamap {dir.File("data")}", output, StringComparison.Ordinal);
        Assert.Contains("   Vandaag is 30 juni 2025: de datum van de gegevens", output, StringComparison.Ordinal);
        var reports = ReportLine().Matches(output).Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(2, reports.Length);
        Assert.All(reports, r => Assert.True(File.Exists(r), r));
        Assert.Contains(reports, r => r.EndsWith(Path.Combine("herinstroom", "herinstroom-v0001", "report.md"), StringComparison.Ordinal));
        Assert.NotEmpty(Directory.GetFiles(Path.GetDirectoryName(reports[0])!, "*.png"));
        // Each trained model's fairness audit in two lines: the verdict, then calibration, flags and groups too small to count.
        Assert.Equal(2, Regex.Matches(output, @"   eerlijkheid herinstroom-v0001: ").Count);
        Assert.Matches(@"   eerlijkheid herinstroom-v0001: (voldoet|GEBLOKKEERD) bij \d,\d\d", output);

        Assert.Contains("== SROI-makelaar: welke contracten hebben plaatsingen het hardst nodig? Stand op 30 juni 2025 (Sroi.Worklist)", output, StringComparison.Ordinal);
        Assert.Matches(@"   1\. \S+ \(\S+\) "".*"": verplichting € [\d.]+,\d\d, gerealiseerd € [\d.]+,\d\d, open € [\d.]+,\d\d", output);
        Assert.Contains("(Sroi.ContractProgress, Sroi.FindPlacements)", output, StringComparison.Ordinal);
        Assert.DoesNotContain(" weeks", output, StringComparison.Ordinal);
        Assert.DoesNotContain("months in", output, StringComparison.Ordinal);

        // Every user's question is a Dutch heading naming the gRPC methods it calls; what a person reads is Dutch apart from the
        // metrics' JSON lines and the identifiers of lenses, attributes, models and methods.
        var headings = output.Split('\n').Where(l => l.StartsWith("== ", StringComparison.Ordinal)).ToArray();
        Assert.Contains(headings, h => h.StartsWith("== WSP-accountmanager: wie past bij vacature ", StringComparison.Ordinal) && h.EndsWith("(Match.Shortlist)", StringComparison.Ordinal));
        Assert.Contains(headings, h => h.StartsWith("== Niemand past op de vacatures zoals ze er staan: jobcarving bij ", StringComparison.Ordinal));
        Assert.Contains(headings, h => h.StartsWith("== Wervingsactie: wie kan binnen 6 maanden klaar zijn voor ", StringComparison.Ordinal));
        Assert.Contains("== Jobcoach: nazorgwerklijst voor regio GV, stand op 30 juni 2025, capaciteit 5 plaatsingen (Risk.NazorgWorklist)", headings);
        Assert.Matches(@"   model ranker-v\d{4}; [\d.]+ kandidaten door de voorselectie", output);
        var prose = output.Split('\n').Where(l => !l.TrimStart().StartsWith('{')).Select(l => Regex.Replace(l, @"/\S+", "")).ToArray();
        Assert.DoesNotContain(prose, l => EnglishWord().IsMatch(l));
    }

    [GeneratedRegex(@"rapport: (\S+report\.md)")]
    private static partial Regex ReportLine();

    [GeneratedRegex(@"\b(the|and|who|which|for|with|from|into|candidates|training|using|serving|today|anyway|report)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishWord();
}
