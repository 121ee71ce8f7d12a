using BenchmarkDotNet.Attributes;
using MatchEngine.Benchmarks.Support;
using MatchEngine.Engine.Matching;

namespace MatchEngine.Benchmarks;

/// <summary>
/// Question: what does one shortlist cost end to end (retrieve 1,000 from 100,000 candidates, featurize,
/// rank with a trained ranker, explain the top 20), and what does retrieval save? Baseline: exhaustive
/// scoring of every consenting candidate (<see cref="ExhaustiveShortlist"/>). The region and the ranker
/// (really trained by RankerTrainingRun on the history of a seeded 5k/1k region) are built once per
/// machine (<see cref="CachedRegion"/>, <see cref="SyntheticRanker"/>).
/// </summary>
[Config(typeof(ShortLatencyConfig))]
public class ShortlistBenchmarks
{
    private ShortlistFixture? _fixture;

    [GlobalSetup]
    public void Setup() => _fixture = new ShortlistFixture();

    [Benchmark(Baseline = true, Description = "exhaustive: score all consenting")]
    public int Exhaustive() => ExhaustiveShortlist.Run(_fixture!.Model, _fixture.Prepared, _fixture.Pool.All, ShortlistFixture.Top);

    [Benchmark(Description = "shortlist: retrieve 1,000 + rank + explain 20")]
    public int Shortlist() => _fixture!.Service.For(_fixture.Vacancy, ShortlistFixture.Top, new ShortlistFilters()).Candidates.Count;

    [GlobalCleanup]
    public void Cleanup() => _fixture?.Dispose();
}
