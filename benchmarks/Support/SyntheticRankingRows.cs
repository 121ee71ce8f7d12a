using MatchEngine.Models.Ranking;

namespace MatchEngine.Benchmarks.Support;

/// <summary>
/// Seeded labelled pairs for ranker benchmarks: 28 features, groups of 25 (one vacancy each), labels
/// 0/1/2 from a hidden linear score plus noise, so the trees have real structure to learn.
/// </summary>
internal static class SyntheticRankingRows
{
    public const int FeatureCount = 28;
    public const int GroupSize = 25;

    public static IReadOnlyList<string> FeatureNames { get; } = Enumerable.Range(0, FeatureCount).Select(i => $"f{i:00}").ToArray();

    public static RankingRow[] Generate(int rows, int seed)
    {
        var random = new Random(seed);
        var weights = Enumerable.Range(0, FeatureCount).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        var result = new RankingRow[rows];
        for (var i = 0; i < rows; i++)
        {
            var features = new float[FeatureCount];
            var score = 0.0;
            for (var f = 0; f < FeatureCount; f++)
            {
                features[f] = (float)random.NextDouble();
                score += weights[f] * features[f];
            }
            score += random.NextDouble() - 0.5;
            var label = score > 2.5 ? 2 : score > 1.5 ? 1 : 0;
            result[i] = new RankingRow($"g{i / GroupSize:0000000}", label, features);
        }
        return result;
    }
}
