using BenchmarkDotNet.Attributes;
using MatchEngine.Benchmarks.Support;
using MatchEngine.Engine.Index;
using MatchEngine.Engine.Matching;

namespace MatchEngine.Benchmarks;

/// <summary>
/// Question: where do the milliseconds of one shortlist go? Baseline: the whole shortlist (as in
/// <see cref="ShortlistBenchmarks"/>); then each step on its own, on the same vacancy and the same 1,000
/// retrieved candidates: the Lucene retrieval, featurizing the pairs, scoring them with the ranker, and the
/// feature contributions plus Dutch explanations of the top 20.
/// </summary>
[Config(typeof(LatencyConfig))]
public class ShortlistPartsBenchmarks
{
    private ShortlistFixture? _fixture;
    private CandidateQuery? _query;
    private IReadOnlyList<SearchHit> _hits = [];
    private PreparedCandidate[] _candidates = [];
    private float[][] _features = [];
    private int[] _best = [];

    [GlobalSetup]
    public void Setup()
    {
        _fixture = new ShortlistFixture();
        _query = CandidateQuery.ForVacancy(_fixture.Vacancy, ShortlistFilters.DefaultDepth);
        _hits = _fixture.Catalog.Index.Search(_query);
        var pool = _fixture.Pool.Snapshot();
        _candidates = _hits.Select(h => pool[h.Id]).ToArray();
        _features = Featurize();
        var scores = _fixture.Model.Score(_features);
        _best = Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).Take(ShortlistFixture.Top).ToArray();
    }

    [Benchmark(Baseline = true, Description = "whole shortlist")]
    public int Whole() => _fixture!.Service.For(_fixture.Vacancy, ShortlistFixture.Top, new ShortlistFilters()).Candidates.Count;

    [Benchmark(Description = "retrieve 1,000")]
    public int Retrieve() => _fixture!.Catalog.Index.Search(_query!).Count;

    [Benchmark(Description = "featurize 1,000 pairs")]
    public int FeaturizeAll() => Featurize().Length;

    [Benchmark(Description = "score 1,000 rows")]
    public int Score() => _fixture!.Model.Score(_features).Length;

    [Benchmark(Description = "contributions + explain top 20")]
    public int Explain()
    {
        var contributions = _fixture!.Model.Contributions(_best.Select(i => _features[i]).ToArray());
        return _best.Select((i, k) => Explainer.Explain(_fixture.Prepared, _candidates[i], _features[i], contributions[k]).Reasons.Count).Sum();
    }

    [GlobalCleanup]
    public void Cleanup() => _fixture?.Dispose();

    private float[][] Featurize() => _candidates.Select((c, i) => PairFeatures.Featurize(_fixture!.Prepared, c, _hits[i].Score)).ToArray();
}
