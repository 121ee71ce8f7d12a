using BenchmarkDotNet.Attributes;
using MatchEngine.Benchmarks.Support;
using MatchEngine.Models.Ranking;

namespace MatchEngine.Benchmarks;

/// <summary>
/// Question: is LightGBM cheaper or dearer than FastTree (LambdaMART) at scoring one shortlist's 1,000
/// rows? Both trained with the default <see cref="RankerOptions"/> on the same 50,000 seeded rows.
/// Baseline: FastTree.
/// </summary>
[Config(typeof(LatencyConfig))]
public class RankerScoringBenchmarks
{
    private TrainedRanker? _fastTree;
    private TrainedRanker? _lightGbm;
    private float[][] _rows = [];

    [GlobalSetup]
    public void Setup()
    {
        var training = SyntheticRankingRows.Generate(50_000, SyntheticRegion.Seed);
        _fastTree = RankerTrainer.Train(RankerKind.FastTree, training, SyntheticRankingRows.FeatureNames, new RankerOptions());
        _lightGbm = RankerTrainer.Train(RankerKind.LightGbm, training, SyntheticRankingRows.FeatureNames, new RankerOptions());
        _rows = SyntheticRankingRows.Generate(1_000, SyntheticRegion.Seed + 1).Select(r => r.Features).ToArray();
    }

    [Benchmark(Baseline = true, Description = "FastTree: score 1,000")]
    public float FastTree() => _fastTree!.Score(_rows)[0];

    [Benchmark(Description = "LightGBM: score 1,000")]
    public float LightGbm() => _lightGbm!.Score(_rows)[0];
}
