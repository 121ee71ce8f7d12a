using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using MatchEngine.Benchmarks.Support;
using MatchEngine.Models.Ranking;

namespace MatchEngine.Benchmarks;

/// <summary>
/// Question: does walking rows through each tree in blocks (<c>CompiledTrees.AddTrees</c>) beat walking one row
/// through every tree at a time, for one shortlist's 1,000 rows? And do the feature contributions of a shortlist's
/// 20 rows, with every row's other-side walks of a tree taken together (<c>CompiledTrees.Contributions</c>), beat
/// computing them one row at a time? For each algorithm, one ensemble (default
/// <see cref="RankerOptions"/>, trained on 50,000 seeded rows) and the same rows; the sums are bit-identical (tested).
/// What the blocked walk gains depends on the trees' shape (it steps a block of rows until the deepest has reached
/// its leaf), so both algorithms are measured. Baseline, in each category (scoring, contributions): one row at a time.
/// </summary>
[Config(typeof(LatencyConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class TreeWalkBenchmarks
{
    private CompiledTrees? _trees;
    private float[][] _rows = [];
    private int[] _all = [];
    private float[][] _top = [];

    [Params(RankerKind.FastTree, RankerKind.LightGbm)]
    public RankerKind Kind { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var training = SyntheticRankingRows.Generate(50_000, SyntheticRegion.Seed);
        _trees = RankerTrainer.Train(Kind, training, SyntheticRankingRows.FeatureNames, new RankerOptions()).Compiled;
        _rows = SyntheticRankingRows.Generate(1_000, SyntheticRegion.Seed + 1).Select(r => r.Features).ToArray();
        _all = Enumerable.Range(0, _rows.Length).ToArray();
        _top = _rows[..20];
    }

    [Benchmark(Baseline = true, Description = "contributions, one row at a time: 20 rows"), BenchmarkCategory("contributions")]
    public int ContributionsOneRowAtATime() => _top.Sum(row => _trees!.ContributionsOneRowAtATime(row, row.Length).Length);

    [Benchmark(Description = "contributions, all rows together: 20 rows"), BenchmarkCategory("contributions")]
    public int ContributionsTogether() => _trees!.Contributions(_top, _top[0].Length).Length;

    [Benchmark(Baseline = true, Description = "one row at a time: 1,000 rows, every tree"), BenchmarkCategory("scoring")]
    public double OneRowAtATime()
    {
        var sums = _trees!.StartSums(_rows.Length);
        _trees.AddTreesOneRowAtATime(_rows, _all, sums, 0, _trees.TreeCount);
        return sums[0];
    }

    [Benchmark(Description = "blocks of rows: 1,000 rows, every tree"), BenchmarkCategory("scoring")]
    public double Blocked()
    {
        var sums = _trees!.StartSums(_rows.Length);
        _trees.AddTrees(_rows, _all, sums, 0, _trees.TreeCount);
        return sums[0];
    }
}
