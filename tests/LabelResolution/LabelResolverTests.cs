using MatchEngine.Engine.LabelResolution;

namespace MatchEngine.Tests.LabelResolution;

/// <summary>The resolver on the repository's own files, as import uses it: labels as people type them, and labels it must leave alone.</summary>
public sealed class LabelResolverTests
{
    private static readonly CandidateLabelResolver Resolver = new(
        new LabelCatalogue(LabelSources.Bundled.Vocabulary.Section("vaardigheden"), LabelSources.Bundled.Vocabulary.Section("certificaten")),
        LabelSources.Bundled);

    [Theory]
    [InlineData("ervaring met orderpicken", "orderpicken")]
    [InlineData("order picken", "orderpicken")]
    [InlineData("Order-picken", "orderpicken")]
    [InlineData("heftruckrijden", "heftruck rijden")]
    [InlineData("nauwkeuirg werken", "nauwkeurigheid")]
    [InlineData("schoonmaakwerkzaamheden", "schoonmaken")]
    [InlineData("kassawerk", "kassa")]
    [InlineData("vakkenvulen", "vakkenvullen")]
    [InlineData("Hygiëne (HACCP)", "hygiëne (HACCP)")]
    [InlineData("afwassen, 2 jaar", "afwassen")]
    public void Resolve_SkillAsTyped_ItsCatalogueLabel(string typed, string canonical)
    {
        var resolved = Resolver.Resolve(LabelKind.Skill, typed);
        Assert.Equal(canonical, resolved.Canonical);
        Assert.Equal(typed, resolved.Text);
        Assert.InRange(resolved.Confidence, LabelResolver.Threshold, 1);
    }

    [Theory]
    [InlineData("B-VCA", "VCA")]
    [InlineData("VCA-basis", "VCA")]
    [InlineData("vca basis certificaat", "VCA")]
    [InlineData("bedrijfshulpverlening", "BHV")]
    [InlineData("bedrijfshulpverlenig", "BHV")]
    [InlineData("autorijbewijs", "rijbewijs B")]
    [InlineData("B-rijbewijs", "rijbewijs B")]
    [InlineData("heftruck-certificaat", "heftruckcertificaat")]
    [InlineData("Code-95", "code 95")]
    public void Resolve_CertificateAsTyped_ItsCatalogueLabel(string typed, string canonical) =>
        Assert.Equal(canonical, Resolver.Resolve(LabelKind.Certificate, typed).Canonical);

    [Theory]
    [InlineData("rijbewijs C")]
    [InlineData("VCA")]
    [InlineData("heftruckcertificaat")]
    public void Resolve_CatalogueCertificate_ItselfWithFullConfidence(string label)
    {
        var resolved = Resolver.Resolve(LabelKind.Certificate, label);
        Assert.Equal(label, resolved.Canonical);
        Assert.Equal(1, resolved.Confidence);
    }

    [Theory]
    [InlineData(LabelKind.Certificate, "rijbewijs")] // B or C: ambiguous
    [InlineData(LabelKind.Certificate, "lasdiploma")]
    [InlineData(LabelKind.Skill, "lassen")]
    [InlineData(LabelKind.Skill, "ervaring")]
    [InlineData(LabelKind.Skill, "heftruck")] // rijden? a certificate? not said
    public void Resolve_NothingItClearlyMeans_Unresolved(LabelKind kind, string typed)
    {
        var resolved = Resolver.Resolve(kind, typed);
        Assert.Null(resolved.Canonical);
        Assert.Equal(typed, resolved.Compared);
    }

    [Fact]
    public void Resolve_OneLetterApart_NotTheOtherCertificate() =>
        Assert.NotEqual("rijbewijs B", Resolver.Resolve(LabelKind.Certificate, "rijbewijs c").Canonical);

    [Fact]
    public void Resolve_SynonymAddedToTheFile_ResolvesWhatItDidNot()
    {
        var sources = LabelSources.Bundled with { Synonyms = LabelFile.Parse("[vaardigheden]\nonkruid wieden = wieden, schoffelen\n") };
        var catalogue = new LabelCatalogue(["onkruid wieden", "maaien"], []);
        Assert.Null(new CandidateLabelResolver(catalogue, LabelSources.Bundled).Resolve(LabelKind.Skill, "schoffelen").Canonical);
        Assert.Equal("onkruid wieden", new CandidateLabelResolver(catalogue, sources).Resolve(LabelKind.Skill, "schoffelen").Canonical);
    }

    [Fact]
    public void Resolve_CatalogueWithLabelsOfThousandsOfWords_ResolvesTheRestAsWithoutThemAndInTime()
    {
        var random = new Random(3);
        string Words() => string.Join(' ', Enumerable.Range(0, 3_000).Select(_ => new string([.. Enumerable.Range(0, random.Next(4, 10)).Select(_ => (char)random.Next('a', 'x'))])));
        var sentences = Enumerable.Range(0, 4).Select(_ => Words()).ToArray();
        var vocabulary = LabelSources.Bundled.Vocabulary.Section("vaardigheden").ToArray();
        var plain = new CandidateLabelResolver(new LabelCatalogue(vocabulary, []), LabelSources.Bundled);
        // As a region's candidates type their skills: 2,000 distinct labels, each scored against the catalogue.
        var typed = Enumerable.Range(0, 2_000).Select(i => $"{vocabulary[i % vocabulary.Length]}, {i} jaar").ToArray();
        var expected = typed.Select(t => plain.Resolve(LabelKind.Skill, t).Canonical).ToArray();

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var resolver = new CandidateLabelResolver(new LabelCatalogue([.. vocabulary, .. sentences], []), LabelSources.Bundled);
        Assert.Equal(expected, typed.Select(t => resolver.Resolve(LabelKind.Skill, t).Canonical));
        Assert.All(Enumerable.Range(0, 5).Select(_ => Words()), t => Assert.Null(resolver.Resolve(LabelKind.Skill, t).Canonical));
        Assert.Equal(sentences[0], resolver.Resolve(LabelKind.Skill, " " + sentences[0].ToUpperInvariant()).Canonical);
        // Scored word against word, each long typed label against each long catalogue label takes most of a second.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"{watch.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public void Resolve_LabelAboveTheScoredLength_ResolvesOnlyAsItIs()
    {
        var filler = string.Concat(Enumerable.Repeat(" ervaring", LabelResolver.MaxScoredLength / 9));
        Assert.Equal("heftruck rijden", Resolver.Resolve(LabelKind.Skill, "heftruckrijden" + filler[..(LabelResolver.MaxScoredLength - 14)]).Canonical);
        Assert.Null(Resolver.Resolve(LabelKind.Skill, "heftruckrijden" + filler).Canonical);
    }

    [Fact]
    public void Parse_LineBeforeAnySection_Refused() =>
        Assert.Throws<FormatException>(() => LabelFile.Parse("VCA = B-VCA\n[certificaten]\n"));

    [Fact]
    public void SynonymsOf_LineWithoutEquals_Refused()
    {
        var sources = LabelSources.Bundled with { Synonyms = LabelFile.Parse("[certificaten]\nVCA B-VCA\n") };
        Assert.Throws<FormatException>(() => sources.SynonymsOf(LabelKind.Certificate).ToArray());
    }

    [Theory]
    [InlineData("nauwkeurig", "nauwkeuirg", 1)]
    [InlineData("orderpicken", "ordrepicken", 1)]
    [InlineData("heftruck", "heftruck", 0)]
    [InlineData("kassa", "kast", 2)]
    [InlineData("", "abc", 3)]
    public void Between_Words_OptimalStringAlignmentDistance(string a, string b, int distance) =>
        Assert.Equal(distance, EditDistance.Between(a, b));

    [Fact]
    public void Within_FarApart_StopsAboveTheLimit() =>
        Assert.True(EditDistance.Within("vrachtwagen rijden", "zonnepanelen monteren", 3) > 3);
}
