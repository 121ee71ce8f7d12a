using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Index;
using MatchEngine.Engine.Store;
using MatchEngine.Tests.Support;
using S = MatchEngine.Engine.Index.IndexSchema;

namespace MatchEngine.Tests.Index;

/// <summary>
/// Retrieval scores with <see cref="Bm25Disjunction"/>; training and serving both take the BM25 feature from it.
/// These tests hold it to Lucene's own BM25 scoring of the same BooleanQuery, bit for bit, on a real index of
/// several segments with deletions, vacancies alongside, and candidates without consent.
/// </summary>
public sealed class Bm25DisjunctionTests : IDisposable
{
    private static readonly string[] Words =
    [
        "heftruck", "magazijn", "orderpicken", "zorg", "dementiezorg", "wondzorg", "schoonmaak", "kantoor", "chauffeur",
        "vrachtwagenchauffeur", "kassa", "klantgericht", "koken", "bediening", "verpleegkundige", "groen", "tuin", "productie",
    ];

    private readonly TempDirectory _dir = new();
    private readonly SqliteCatalogStore _store;
    private readonly LuceneCatalogIndex _index;

    public Bm25DisjunctionTests()
    {
        _store = new SqliteCatalogStore(_dir.File("store.db"));
        _index = new LuceneCatalogIndex(_dir.File("index"));
        var random = new Random(7);
        string Profile() => string.Join(" ", Enumerable.Range(0, random.Next(1, 12)).Select(_ => Words[random.Next(Words.Length)]));
        // Three commits, so three segments, then a fourth below; one candidate without consent and deletions in an earlier segment.
        for (var batch = 0; batch < 3; batch++)
        {
            var records = new CatalogBatch();
            records.Add(Records.Employer());
            for (var i = 0; i < 40; i++)
                records.Add(Records.Candidate($"c{batch}-{i}", Profile()) with { Skills = [Words[random.Next(Words.Length)]], ConsentMatching = i != 5 });
            for (var i = 0; i < 10; i++) records.Add(Records.Vacancy($"v{batch}-{i}", description: Profile()));
            _store.Upsert(records);
            IndexSynchronizer.CatchUp(_store, _index);
        }
        // A segment of vacancies only, where no candidate term occurs.
        var vacancies = new CatalogBatch();
        for (var i = 0; i < 10; i++) vacancies.Add(Records.Vacancy($"v3-{i}", description: Profile()));
        _store.Upsert(vacancies);
        IndexSynchronizer.CatchUp(_store, _index);
        _store.Delete(EntityKind.Candidate, ["c0-1", "c1-2"]);
        IndexSynchronizer.CatchUp(_store, _index);
    }

    public void Dispose()
    {
        _index.Dispose();
        _store.Dispose();
        _dir.Dispose();
    }

    [Theory]
    [InlineData("heftruck magazijn orderpicken")]
    [InlineData("verpleegkundige dementiezorg wondzorg zorg")]
    [InlineData("chauffeur")]
    [InlineData("kassa klantgericht bediening koken groen tuin productie schoonmaak kantoor")]
    public void Search_Text_ScoresAndOrdersExactlyAsLucenesBooleanQuery(string text)
    {
        var hits = _index.Search(new CandidateQuery { Text = text, Top = 1000 });

        Assert.NotEmpty(hits);
        Assert.Equal(LuceneReference(text), hits.Select(h => (h.Id, h.Score)));
    }

    [Fact]
    public void Search_AfterDeletionsInSegmentsAlreadyRead_StillScoresExactlyAsLucene()
    {
        // The first search decodes the terms' postings of every segment; deleting then leaves those segments' cores
        // (and so their decoded postings) in place with new live documents.
        const string text = "heftruck zorg kantoor chauffeur";
        Assert.Equal(LuceneReference(text), _index.Search(new CandidateQuery { Text = text, Top = 1000 }).Select(h => (h.Id, h.Score)));
        var gone = _index.Search(new CandidateQuery { Text = text, Top = 3 }).Select(h => h.Id).ToArray();

        _store.Delete(EntityKind.Candidate, gone);
        IndexSynchronizer.CatchUp(_store, _index);
        var hits = _index.Search(new CandidateQuery { Text = text, Top = 1000 });

        Assert.DoesNotContain(hits, h => gone.Contains(h.Id));
        Assert.Equal(LuceneReference(text), hits.Select(h => (h.Id, h.Score)));
    }

    [Fact]
    public void Search_TopFew_IsTheHeadOfTheFullRanking()
    {
        const string text = "zorg heftruck kantoor";
        Assert.Equal(_index.Search(new CandidateQuery { Text = text, Top = 1000 }).Take(7), _index.Search(new CandidateQuery { Text = text, Top = 7 }));
    }

    [Theory]
    [InlineData("heftruck magazijn orderpicken")]
    [InlineData("kassa klantgericht bediening koken groen tuin productie schoonmaak kantoor")]
    public void Search_TopFewOfManyFiltered_IsTheHeadOfLucenesRanking(string text)
    {
        // Once the top is full, a document scoring below its worst is not filtered at all: the head must not change.
        var hits = _index.Search(new CandidateQuery { Text = text, Top = 5 });

        Assert.Equal(LuceneReference(text).Take(5), hits.Select(h => (h.Id, h.Score)));
    }

    [Fact]
    public void ScoreCandidates_RecordRewrittenAfterALookup_ScoresItsNewDocument()
    {
        const string text = "heftruck magazijn";
        var before = _index.ScoreCandidates(text, ["c1-3"])["c1-3"];
        var records = new CatalogBatch();
        records.Add(Records.Candidate("c1-3", "heftruck heftruck magazijn heftruck"));
        _store.Upsert(records);
        IndexSynchronizer.CatchUp(_store, _index);

        var after = _index.ScoreCandidates(text, ["c1-3"]);

        Assert.NotEqual(before, after["c1-3"]);
        Assert.Equal(LuceneReference(text, consentingOnly: false).Single(h => h.Id == "c1-3").Score, after["c1-3"]);
    }

    [Theory]
    [InlineData("heftruck magazijn orderpicken")]
    [InlineData("kassa klantgericht bediening koken groen tuin productie schoonmaak kantoor")]
    public void ScoreCandidates_GivenIds_ScoresEachExactlyAsLucene(string text)
    {
        // Scores looked up per candidate must equal the full ranking's, bit for bit; a deleted candidate has none, a
        // candidate without consent is scored (training featurizes history), and one that no term matches scores 0.
        _store.Delete(EntityKind.Candidate, ["c2-7"]);
        IndexSynchronizer.CatchUp(_store, _index);
        var reference = LuceneReference(text, consentingOnly: false).ToDictionary(h => h.Id, h => h.Score);
        string[] ids = [.. _store.Candidates().Select(c => c.Id).Order(StringComparer.Ordinal), "c0-1", "c2-7", "v0-1", "unknown"];

        var scores = _index.ScoreCandidates(text, ids);

        Assert.Contains("c0-5", scores.Keys); // without consent
        Assert.DoesNotContain("c0-1", scores.Keys);
        Assert.DoesNotContain("c2-7", scores.Keys);
        Assert.DoesNotContain("v0-1", scores.Keys);
        Assert.All(scores, s => Assert.Equal(reference.GetValueOrDefault(s.Key), s.Value));
        Assert.Contains(scores.Values, v => v > 0);
        Assert.Contains(scores.Values, v => v == 0);
    }

    [Theory]
    [InlineData("heftruck magazijn orderpicken")]
    [InlineData("kassa klantgericht bediening koken groen tuin productie schoonmaak kantoor")]
    [InlineData("")]
    public void SearchKeepingScores_OtherCandidates_ScoreAsScoreCandidatesAndTheHitsAsSearch(string text)
    {
        // The serving path reads the BM25 of the structured generator's candidates from the pass that found the text hits.
        _store.Delete(EntityKind.Candidate, ["c2-7"]);
        IndexSynchronizer.CatchUp(_store, _index);
        var query = new CandidateQuery { Text = text, Top = 5, Regions = ["GV"] };
        string[] ids = [.. _store.Candidates().Select(c => c.Id).Order(StringComparer.Ordinal), "c0-1", "c2-7", "v0-1", "unknown"];

        using var search = _index.SearchKeepingScores(query);

        Assert.Equal(_index.Search(query).Select(h => (h.Id, h.Score)), search.Hits.Select(h => (h.Id, h.Score)));
        // By position in the id list: 0 for ids without a live document; asked again, from the positions kept for the list.
        var reference = _index.ScoreCandidates(text, ids);
        Assert.Equal(ids.Select(id => reference.GetValueOrDefault(id)), search.ScoresOf(ids));
        if (text.Length > 0) Assert.Contains(search.ScoresOf(ids), v => v > 0);
        int[] positions = [.. Enumerable.Range(0, ids.Length).Reverse()];
        Assert.Equal(positions.Select(p => reference.GetValueOrDefault(ids[p])), search.ScoresAt(ids, positions));
    }

    [Fact]
    public void ScorerOf_OneCandidateAgainstManyTexts_ScoresAsScoreCandidates()
    {
        string[] texts = ["heftruck magazijn orderpicken", "zorg wondzorg", "chauffeur kassa chauffeur", "onbekend woord", "kantoor productie tuin groen"];
        var compared = 0;
        foreach (var id in _store.Candidates().Select(c => c.Id).Take(25).Append("c0-1"))
        {
            using var scorer = _index.ScorerOf(id);
            foreach (var text in texts)
            {
                Assert.Equal(_index.ScoreCandidates(text, [id]).GetValueOrDefault(id), scorer.Score(_index.CandidateTextClauses(text)));
                compared++;
            }
        }
        Assert.Equal(26 * texts.Length, compared);
    }

    /// <summary>Lucene's BM25 ranking of the same clauses (text ×1, skills ×1.5, coord off), reduced to consenting candidates.</summary>
    private List<(string Id, float Score)> LuceneReference(string text, bool consentingOnly = true)
    {
        using var directory = FSDirectory.Open(_dir.File("index"));
        using var reader = DirectoryReader.Open(directory);
        Assert.True(reader.Leaves.Count >= 3, $"expected several segments, got {reader.Leaves.Count}");
        Assert.True(reader.HasDeletions);
        var searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        var query = new BooleanQuery(disableCoord: true);
        foreach (var (field, boost) in new[] { (S.CandidateText, 1f), (S.CandidateSkills, 1.5f) })
        {
            foreach (var term in QueryBuilder.Terms(new DutchTextAnalyzer(), field, text))
                query.Add(new TermQuery(new Term(field, term)) { Boost = boost }, Occur.SHOULD);
        }
        var collector = TopScoreDocCollector.Create(reader.MaxDoc, docsScoredInOrder: false);
        searcher.Search(query, collector);
        var consenting = _store.Candidates().Where(c => c.ConsentMatching || !consentingOnly).Select(c => c.Id).ToHashSet();
        return collector.GetTopDocs().ScoreDocs.Select(d => (Id: searcher.Doc(d.Doc).Get(S.Id), d.Score)).Where(h => consenting.Contains(h.Id)).ToList();
    }
}
