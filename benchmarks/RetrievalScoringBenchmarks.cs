using BenchmarkDotNet.Attributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using MatchEngine.Benchmarks.Support;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Index;

namespace MatchEngine.Benchmarks;

/// <summary>
/// Question: what does scoring the text of a shortlist's retrieval ourselves (<see cref="Bm25Disjunction"/>) save
/// against Lucene's own BM25 scoring of the same query (a BooleanQuery of the same SHOULD clauses, scored in bulk by
/// its BooleanScorer, the same filters applied by <see cref="ConstraintCollector"/>)? Both run the retrievals of the
/// first 200 vacancies of the cached 100,000-candidate region (depth 1,000, every vacancy's own filters) on one
/// reader of the same index, so only the scoring differs; one call = all 200. The setup prints how many of the 200
/// top-1,000 lists are identical (documents and scores), which the engine promises for all of them.
/// </summary>
[Config(typeof(Config))]
public class RetrievalScoringBenchmarks
{
    private const int VacancyCount = 200;
    private const int ShortlistDepth = 1_000;

    private CatalogService? _catalog;
    private DirectoryReader? _reader;
    private IndexSearcher? _searcher;
    private (IReadOnlyList<Bm25Disjunction.Clause> Text, KeywordFilter Keywords, NumericConstraints Numeric)[] _plans = [];
    private BooleanQuery[] _queries = [];

    [GlobalSetup]
    public void Setup()
    {
        var layout = CachedRegion.Catalog(100_000, 2_000);
        _catalog = CatalogService.Open(layout, TimeProvider.System);
        _plans = _catalog.Store.Vacancies().OrderBy(v => v.Id, StringComparer.Ordinal).Take(VacancyCount)
            .Select(v => _catalog.Index.Plan(CandidateQuery.ForVacancy(v, ShortlistDepth))).ToArray();
        _queries = _plans.Select(p => BooleanQueryOf(p.Text)).ToArray();
        _reader = DirectoryReader.Open(FSDirectory.Open(layout.IndexPath));
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        var identical = Enumerable.Range(0, _plans.Length).Count(i => Same(Scored(i), LuceneScored(i)));
        Console.WriteLine($"// {identical} of {_plans.Length} top-{ShortlistDepth} lists identical (documents and scores); {_reader.Leaves.Count} segments");
    }

    [Benchmark(Baseline = true, Description = "Lucene BooleanScorer + ConstraintCollector, 200 retrievals")]
    public int Lucene()
    {
        var hits = 0;
        for (var i = 0; i < _plans.Length; i++) hits += LuceneScored(i).Length;
        return hits;
    }

    [Benchmark(Description = "Bm25Disjunction, 200 retrievals")]
    public int Ours()
    {
        var hits = 0;
        for (var i = 0; i < _plans.Length; i++) hits += Scored(i).Length;
        return hits;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _reader?.Dispose();
        _catalog?.Dispose();
    }

    private ScoreDoc[] Scored(int i) => Bm25Disjunction.Top(_searcher!, _plans[i].Text, _plans[i].Keywords, _plans[i].Numeric, ShortlistDepth);

    private ScoreDoc[] LuceneScored(int i)
    {
        var top = TopScoreDocCollector.Create(ShortlistDepth, docsScoredInOrder: false);
        _searcher!.Search(_queries[i], new ConstraintCollector(top, _plans[i].Keywords, _plans[i].Numeric));
        return top.GetTopDocs().ScoreDocs;
    }

    private static BooleanQuery BooleanQueryOf(IReadOnlyList<Bm25Disjunction.Clause> clauses)
    {
        var query = new BooleanQuery(disableCoord: true);
        foreach (var c in clauses) query.Add(new TermQuery(new Term(c.Field, c.Term)) { Boost = c.Boost }, Occur.SHOULD);
        return query;
    }

    private static bool Same(ScoreDoc[] a, ScoreDoc[] b) =>
        a.Length == b.Length && a.Zip(b).All(p => p.First.Doc == p.Second.Doc && p.First.Score == p.Second.Score);

    /// <summary>Monitoring: one call (200 retrievals) per iteration, 5 warm-ups and 30 measured.</summary>
    private sealed class Config : LatencyConfig
    {
        public Config() : base(warmup: 5, iterations: 30)
        {
        }
    }
}
