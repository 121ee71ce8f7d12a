using BenchmarkDotNet.Attributes;
using MatchEngine.Benchmarks.Support;
using MatchEngine.Engine.Index;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Ranking;

namespace MatchEngine.Benchmarks;

/// <summary>
/// Question: where do the milliseconds of one shortlist go? Baseline: the whole shortlist (as in
/// <see cref="ShortlistBenchmarks"/>); then each step on its own, on the same vacancy and the same 1,000
/// retrieved candidates: the retrieval, featurizing the pairs, scoring them with the ranker (every row through every
/// tree, and through the serving <see cref="RankingCascade.Default"/>), the feature contributions of the top 20, and
/// their Dutch explanations. Resolving the hits to prepared candidates is timed both ways: through the pool's
/// per-document slots, as served (<see cref="CandidatePool.Resolve"/>), and by id in the pool's dictionary.
/// Scoring and contributions are also timed the plain way, one row at a time, so what the blocked walks gain on the
/// benchmark region's own ranker is measured in the same run (<see cref="TreeWalkBenchmarks"/> measures it on
/// synthetic ensembles).
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
    private float[][] _contributions = [];
    private int[] _all = [];

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
        _contributions = Contributions();
        _all = Enumerable.Range(0, _features.Length).ToArray();
        var depths = _fixture.Model.Compiled!.TreeDepths.ToArray();
        Console.WriteLine($"// ranker: {depths.Length} trees, longest path {depths.Average():0.0} splits on average, at most {depths.Max()}");
    }

    [Benchmark(Baseline = true, Description = "whole shortlist")]
    public int Whole() => _fixture!.Service.For(_fixture.Vacancy, ShortlistFixture.Top, new ShortlistFilters()).Candidates.Count;

    [Benchmark(Description = "retrieve 1,000")]
    public int Retrieve() => _fixture!.Catalog.Index.Search(_query!).Count;

    [Benchmark(Description = "resolve 1,000 hits, per document (served)")]
    public int ResolveByDocument() => _fixture!.Pool.Resolve(_hits).Length;

    [Benchmark(Description = "resolve 1,000 hits, by id")]
    public int ResolveById()
    {
        var pool = _fixture!.Pool.Snapshot();
        var found = new PreparedCandidate?[_hits.Count];
        for (var i = 0; i < found.Length; i++) found[i] = pool.GetValueOrDefault(_hits[i].Id);
        return found.Length;
    }

    [Benchmark(Description = "featurize 1,000 pairs")]
    public int FeaturizeAll() => Featurize().Length;

    [Benchmark(Description = "score 1,000 rows, every tree")]
    public int Score() => _fixture!.Model.Score(_features).Length;

    [Benchmark(Description = "score 1,000 rows, every tree, one row at a time")]
    public double ScoreOneRowAtATime()
    {
        var trees = _fixture!.Model.Compiled!;
        var sums = trees.StartSums(_features.Length);
        trees.AddTreesOneRowAtATime(_features, _all, sums, 0, trees.TreeCount);
        return sums[0];
    }

    [Benchmark(Description = "score 1,000 rows, cascade")]
    public int ScoreCascade() => _fixture!.Model.ScoreBest(_features, RankingCascade.Default).Count;

    [Benchmark(Description = "contributions top 20")]
    public int ContributionsTop() => Contributions().Length;

    [Benchmark(Description = "contributions top 20, one row at a time")]
    public int ContributionsOneRowAtATime() =>
        _best.Sum(i => _fixture!.Model.Compiled!.ContributionsOneRowAtATime(_features[i], _features[i].Length).Length);

    [Benchmark(Description = "explain top 20")]
    public int Explain() =>
        _best.Select((i, k) => Explainer.Explain(_fixture!.Prepared, _candidates[i], _features[i], _contributions[k]).Reasons.Count).Sum();

    [GlobalCleanup]
    public void Cleanup() => _fixture?.Dispose();

    private float[][] Contributions() => _fixture!.Model.Contributions(_best.Select(i => _features[i]).ToArray());

    private float[][] Featurize() => _candidates.Select((c, i) => PairFeatures.Featurize(_fixture!.Prepared, c, _hits[i].Score)).ToArray();
}
