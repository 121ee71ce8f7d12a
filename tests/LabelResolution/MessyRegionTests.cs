using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Import;
using MatchEngine.Engine.LabelResolution;
using MatchEngine.Engine.Store;
using MatchEngine.Tests.Support;
using MatchEngine.Training.Synth;

namespace MatchEngine.Tests.LabelResolution;

/// <summary>
/// A messy synthetic region written to disk and imported into a SQLite store, the resolver measured against the
/// generator's answer key: the bar is 95% of rewritten labels to their vocabulary label and under 1% of
/// untouched labels to another one.
/// </summary>
public sealed class MessyRegionTests
{
    private static (SqliteCatalogStore Store, IReadOnlyList<RewrittenLabel> Key) Import(TempDirectory dir, int seed, double share, LabelSources? sources = null)
    {
        var (world, rewritten) = new MessyLabels(share, seed).Apply(new WorldGenerator(new SynthOptions(Seed: seed, Candidates: 1200, Vacancies: 120)).Generate());
        var folder = dir.File($"world-{seed}");
        WorldWriter.Write(world, folder);
        var store = new SqliteCatalogStore(dir.File($"store-{seed}.db"));
        var result = new FolderImporter(store, new ContractValidator(ValidationContext.At(new FixedClock(SynthOptions.DefaultAsOf))), sources).Import(folder);
        Assert.Equal(0, result.RejectedLines);
        return (store, rewritten);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(23)]
    public void Import_MessyRegion_ResolvesNinetyFivePercentOfRewrittenLabelsAndSpoilsUnderOnePercentOfTheRest(int seed)
    {
        using var dir = new TempDirectory();
        var (store, key) = Import(dir, seed, 0.4);
        using (store)
        {
            var accuracy = ResolverAccuracy.Measure(store.Candidates(), key);
            Assert.True(accuracy.Rewritten > 1000, $"only {accuracy.Rewritten} labels rewritten");
            Assert.True(accuracy.Recall >= 0.95, $"recall {accuracy.Recall:0.000}: {accuracy.Right} of {accuracy.Rewritten}, {accuracy.Wrong} wrong");
            Assert.True(accuracy.UntouchedWrongRate < 0.01, $"{accuracy.UntouchedWrong} of {accuracy.Untouched} untouched labels resolved to another");
            Assert.True(accuracy.Precision >= 0.99, $"precision {accuracy.Precision:0.000}");
        }
    }

    [Fact]
    public void Import_MessyRegion_KeepsTheTypedTextBesideTheResolvedLabel()
    {
        using var dir = new TempDirectory();
        var (store, key) = Import(dir, 7, 0.4);
        using (store)
        {
            var one = key.First(k => k.Field == "skills");
            var candidate = store.GetCandidate(one.CandidateId)!;
            Assert.Contains(one.Typed, candidate.Skills);
            Assert.Equal(candidate.Skills, candidate.ResolvedSkills!.Select(r => r.Text));
            Assert.All(candidate.Certificates.Zip(candidate.ResolvedCertificates!), p => Assert.Equal(p.First, p.Second.Text));
        }
    }

    [Fact]
    public void Reimport_AfterASynonymIsAdded_ResolvesTheLabelThatWasUnresolved()
    {
        using var dir = new TempDirectory();
        var (store, key) = Import(dir, 7, 0.4);
        using (store)
        {
            var (before, _) = UnresolvedLabels.Of(store.Candidates());
            var missed = before.First(l => l.Kind == LabelKind.Skill);
            // The steward's line: the label the unresolved text stands for, as the answer key knows it.
            var head = key.First(k => k.Field == "skills" && Labels.Same(k.Typed, missed.Text)).Canonical;
            var extra = LabelFile.Parse(string.Join("\n", ["[vaardigheden]", $"{head} = {missed.Text}"]));
            var sources = LabelSources.Bundled with { Synonyms = Merge(LabelSources.Bundled.Synonyms, extra) };
            var result = new FolderImporter(store, new ContractValidator(ValidationContext.At(new FixedClock(SynthOptions.DefaultAsOf))), sources)
                .Import(dir.File("world-7"));
            Assert.Equal(0, result.RejectedLines);
            var (after, _) = UnresolvedLabels.Of(store.Candidates());
            Assert.DoesNotContain(after, l => l.Kind == LabelKind.Skill && l.Text == missed.Text);
            Assert.True(after.Sum(l => l.Count) <= before.Sum(l => l.Count) - missed.Count);
        }
    }

    private static LabelFile Merge(LabelFile a, LabelFile b) => LabelFile.Parse(string.Join("\n",
        new[] { "vaardigheden", "certificaten" }.SelectMany(s => new[] { $"[{s}]" }.Concat(a.Section(s)).Concat(b.Section(s)))));
}
