using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using MatchEngine.Benchmarks.Support;
using MatchEngine.Models.Ranking;

namespace MatchEngine.Benchmarks;

/// <summary>
/// Question: does training LambdaMART (FastTree, default <see cref="RankerOptions"/>: 200 trees, 8 leaves)
/// on 1,000,000 labelled pairs (28 features, groups of 25) stay under 3 minutes on 2 cores, and how does
/// it grow from 100,000? Baseline: the same training on the first 100,000 rows. Single shot: one
/// iteration, no warm-up (one op takes minutes; training has no steady state worth waiting for).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1)]
[MemoryDiagnoser]
public class RankerTrainingBenchmarks
{
    private RankingRow[] _rows = [];
    private RankingRow[] _tenth = [];

    [GlobalSetup]
    public void Setup()
    {
        _rows = SyntheticRankingRows.Generate(1_000_000, SyntheticRegion.Seed);
        _tenth = _rows.Take(100_000).ToArray();
    }

    [Benchmark(Baseline = true, Description = "LambdaMART 100k rows")]
    public TrainedRanker Train100K() => RankerTrainer.Train(RankerKind.FastTree, _tenth, SyntheticRankingRows.FeatureNames, new RankerOptions());

    [Benchmark(Description = "LambdaMART 1M rows")]
    public TrainedRanker Train1M() => RankerTrainer.Train(RankerKind.FastTree, _rows, SyntheticRankingRows.FeatureNames, new RankerOptions());
}
