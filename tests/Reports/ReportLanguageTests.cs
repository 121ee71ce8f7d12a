using System.Text.RegularExpressions;
using MatchEngine.Engine;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Registry;
using MatchEngine.Tests.Support;
using MatchEngine.Training.Runs;

namespace MatchEngine.Tests.Reports;

/// <summary>
/// The model reports are read by the region's data scientists and written in Dutch: headings, prose, table headers and
/// cells, numbers with a decimal comma. Identifiers (metric keys, lens names, model kinds, feature names, versions) and
/// commands in backticks stay as they are.
/// </summary>
public sealed partial class ReportLanguageTests(TrainedRegion region) : IClassFixture<TrainedRegion>
{
    /// <summary>English words that a Dutch report only holds when a sentence, heading or cell was left untranslated.</summary>
    private static readonly HashSet<string> EnglishMarkers = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "and", "with", "which", "when", "where", "this", "that", "these", "from", "for", "not", "are", "by", "at", "on", "to", "its",
        "held-out", "promoted", "promote", "promotion", "baseline", "metrics", "fairness", "verdict", "decile", "quintile", "predicted",
        "observed", "placements", "vacancies", "group", "groups", "feature", "features", "share", "report", "written", "served", "steps", "too",
        "small", "blocks", "flag", "lowest", "after", "before", "version", "mean", "risk", "months", "pairs", "rate", "whole", "logged",
        "proposals", "chance", "algorithm", "created", "settings", "notes", "gap", "explained", "hire", "hired", "invited", "next",
    };

    [Fact]
    public void RankerReport_SmallTrainedModel_HasItsDutchHeadingsAndNoEnglish()
    {
        using var dir = new TempDirectory();
        region.CopyDataTo(dir.File("data"));
        var layout = new DataLayout(dir.File("data"));
        using var catalog = CatalogService.Open(layout, TimeProvider.System);
        var registry = new ModelRegistry(layout.ModelsPath, TimeProvider.System);
        var version = registry.Promoted("ranker")!;

        var markdown = ModelEvaluations.Evaluate(version, null, catalog, new CandidatePool(catalog.Store), registry, TextWriter.Null).Report.Markdown;

        string[] expected =
        [
            $"# Rapport ranker — {version}", "## Metrieken over de hele pool", "## Metrieken op de vastgelegde voorstellen", "### Wat de IPS-kolommen betekenen",
            "## Kalibratie van de kans", "## NDCG@10 per sector", "## Belang van de kenmerken (permutatie)", "## Waar de geschiedenis weinig van de pool laat zien",
            "## Eerlijkheidstoets", "## Volgende stappen",
        ];
        Assert.Equal(expected, Heading().Matches(markdown).Select(m => m.Value.TrimEnd()));
        Assert.Empty(EnglishWords(markdown));
        Assert.Empty(DecimalPoints(markdown));
        Assert.Contains("Evaluatie op de huidige gegevens, geschreven op ", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void EnglishWords_AnEnglishHeadingOrSentence_AreFound()
    {
        Assert.Equal(["Whole-pool metrics: Whole", "Whole-pool metrics: metrics", "Next steps: Next", "Next steps: steps", "Chance calibration: Chance"],
            EnglishWords("# Rapport ranker — ranker-v0001\n\n## Whole-pool metrics\n\n## Next steps\n\n## Chance calibration\n\n" +
                         "`matchengine models promote --reason \"the best\"`\n"));
        Assert.Equal(2, DecimalPoints("| ndcg@10 | 0.0269 |\n| n | 1.237 |\n\nschaal 1.25 en `learning_rate=0.1`\n").Count);
        Assert.Empty(EnglishWords("## Eerlijkheidstoets\n\n| kenmerk | groep | exposure_pool | calibration | oordeel |\n| age_band | 55+ | 0,94 (0,85–1,04), n=1.237 | voldoet |\n"));
    }

    /// <summary>Each English marker word in the prose, headings and tables of <paramref name="markdown"/> (code spans and image targets left out), as "line: word".</summary>
    internal static IReadOnlyList<string> EnglishWords(string markdown) =>
    [
        .. WithoutCode(markdown).Split('\n').SelectMany(line => Word().Matches(line)
            .SelectMany(m => m.Value.Split('-').Prepend(m.Value)).Where(EnglishMarkers.Contains).Distinct()
            .Select(word => $"{line.TrimStart('#', ' ')}: {word}")),
    ];

    /// <summary>Each number written with a decimal point in <paramref name="markdown"/> (code spans left out), where Dutch writes a comma.</summary>
    internal static IReadOnlyList<string> DecimalPoints(string markdown) => [.. DecimalPoint().Matches(WithoutCode(markdown)).Select(m => m.Value)];

    private static string WithoutCode(string markdown) => ImageTarget().Replace(CodeSpan().Replace(markdown, ""), "]");

    [GeneratedRegex(@"^#+ .*$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    /// <summary>A word as the report writes it: letters, digits and the joiners of identifiers (exposure_pool, ndcg@10, lambdamart+pool, held-out).</summary>
    [GeneratedRegex(@"[\p{L}\p{N}_@+'-]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"\]\([^)]*\)")]
    private static partial Regex ImageTarget();

    /// <summary>A number with a decimal point: "0.5", "0.658", "1.25", "0.0269" (not a thousands dot, "1.237", which Dutch writes).</summary>
    [GeneratedRegex(@"(?<!\d)0\.\d|\d\.(?!\d{3}(?!\d))\d")]
    private static partial Regex DecimalPoint();
}
