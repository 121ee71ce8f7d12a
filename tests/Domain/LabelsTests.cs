using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Index;

namespace MatchEngine.Tests.Domain;

/// <summary>Labels fold accents exactly as the index's analyzer does, without the domain referencing Lucene.</summary>
public sealed class LabelsTests
{
    public static TheoryData<string> AccentedLabels =>
    [
        "Café", "coördinator", "reïntegratie", "één", "Ärztin", "Zürich", "façade", "crème brûlée", "smørrebrød",
        "Łódź", "Straße", "œuvre", "Æbleskiver", "ĳzervlechter", "Ångström", "señor", "Dvořák", "Þórr", "naïve", "São Paulo",
    ];

    [Theory]
    [MemberData(nameof(AccentedLabels))]
    public void Key_AccentedLabel_FoldsAsTheIndexFoldingFilter(string label) =>
        Assert.Equal(IndexFolded(label), Labels.Key(label));

    [Theory]
    [MemberData(nameof(AccentedLabels))]
    public void Key_AccentedLabel_AnalyzesAsTheLabelItself(string label)
    {
        using var analyzer = new DutchTextAnalyzer();
        Assert.Equal(Tokens(analyzer, label), Tokens(analyzer, Labels.Key(label)));
    }

    [Fact]
    public void AsciiFolding_EveryCharacter_AsLuceneFoldsIt()
    {
        var output = new char[8];
        var different = new List<string>();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (char.IsSurrogate((char)c)) continue;
            var lucene = new string(output, 0, ASCIIFoldingFilter.FoldToASCII([(char)c], 0, output, 0, 1));
            var ours = AsciiFolding.Fold(((char)c).ToString());
            if (ours != lucene) different.Add($"U+{c:X4}: Lucene '{lucene}', ours '{ours}'");
        }
        Assert.True(different.Count == 0, $"engine/Domain/Data/ascii-folding.txt differs from Lucene's folding:{Environment.NewLine}{string.Join(Environment.NewLine, different.Take(20))}");
    }

    [Theory]
    [InlineData("Heftruck ", "heftruck")]
    [InlineData("heftruck", "heftruck")]
    [InlineData("  BHV", "bhv")]
    public void Key_CaseAndPadding_Ignored(string label, string key) => Assert.Equal(key, Labels.Key(label));

    /// <summary>The index analyzer's folding stage on the whole label: lower case, then ASCII folding.</summary>
    private static string IndexFolded(string label)
    {
        using var analyzer = Analyzer.NewAnonymous((_, reader) =>
        {
            var tokenizer = new KeywordTokenizer(reader);
            TokenStream stream = new LowerCaseFilter(IndexSchema.Version, tokenizer);
            return new TokenStreamComponents(tokenizer, new ASCIIFoldingFilter(stream));
        });
        return string.Join(" ", Tokens(analyzer, label.Trim()));
    }

    private static List<string> Tokens(Analyzer analyzer, string text)
    {
        var tokens = new List<string>();
        using var stream = analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) tokens.Add(term.ToString());
        stream.End();
        return tokens;
    }
}
