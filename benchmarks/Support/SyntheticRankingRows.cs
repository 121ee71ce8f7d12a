using MatchEngine.Models.Ranking;

namespace MatchEngine.Benchmarks.Support;

/// <summary>
/// Seeded labelled pairs for ranker benchmarks: 28 features, groups of 25 (one vacancy each), labels
/// 0/1/2 by rank of a hidden linear score plus noise, so the trees have real structure to learn.
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
        var scores = new double[GroupSize];
        for (var start = 0; start < rows; start += GroupSize)
        {
            var size = Math.Min(GroupSize, rows - start);
            var group = $"g{start / GroupSize:0000000}";
            var features = new float[size][];
            for (var i = 0; i < size; i++)
            {
                features[i] = new float[FeatureCount];
                scores[i] = random.NextDouble() - 0.5;
                for (var f = 0; f < FeatureCount; f++)
                {
                    features[i][f] = (float)random.NextDouble();
                    scores[i] += weights[f] * features[i][f];
                }
            }
            // Graded by rank within the group, as in the real history: 2 hired, 5 invited, the rest proposed only.
            var order = Enumerable.Range(0, size).OrderByDescending(i => scores[i]).ToArray();
            for (var r = 0; r < size; r++)
                result[start + order[r]] = new RankingRow(group, r < 2 ? 2 : r < 7 ? 1 : 0, features[order[r]]);
        }
        return result;
    }
}
