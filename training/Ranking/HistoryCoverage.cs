namespace MatchEngine.Training.Ranking;

/// <summary>
/// A range of one feature's values that holds a fair share of the pool a shortlist ranks and that the history the models
/// learn from hardly shows (<see cref="HistoryCoverage"/>): from <see cref="From"/> to <see cref="To"/>, both as the pool
/// has them, <see cref="PoolShare"/> of the pool's pairs against <see cref="HistoryShare"/> of the training pairs.
/// </summary>
public sealed record CoverageGap(string Feature, float From, float To, double PoolShare, double HistoryShare);

/// <summary>
/// Where the history leaves the pool unseen, feature by feature. A past policy proposed only part of the pool: after a
/// narrow history nobody beyond their own reach, and in any history no one who entered the bijstand after the vacancy was
/// posted, so short spells are rare among the logged pairs while a quarter of today's pool may have one. A model's curve
/// over such a range is carried there from the rest of the history, not learned. Each feature's pool values are cut at
/// their deciles; a tenth (or a run of adjacent tenths) is a gap when it holds at least <see cref="MinPoolShare"/> of the
/// pool's pairs and at least <see cref="Ratio"/> times their share of the training pairs. Pure and thread-safe.
/// </summary>
public static class HistoryCoverage
{
    /// <summary>The least share of the pool a gap holds.</summary>
    public const double MinPoolShare = 0.05;

    /// <summary>How many times more often a gap's values occur in the pool than among the training pairs, at least.</summary>
    public const double Ratio = 4;

    /// <summary>
    /// The gaps of <paramref name="pool"/> (feature vectors of the pairs a shortlist ranks) in <paramref name="history"/> (the
    /// training pairs), largest difference of shares first; none when either is empty.
    /// </summary>
    public static IReadOnlyList<CoverageGap> Of(IReadOnlyList<float[]> history, IReadOnlyList<float[]> pool, IReadOnlyList<string> featureNames)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(featureNames);
        if (history.Count == 0 || pool.Count == 0) return [];
        var gaps = new List<CoverageGap>();
        for (var f = 0; f < featureNames.Count; f++)
        {
            var poolValues = Sorted(pool, f);
            var historyValues = Sorted(history, f);
            gaps.AddRange(Gaps(featureNames[f], poolValues, historyValues));
        }
        return [.. gaps.OrderByDescending(g => g.PoolShare - g.HistoryShare)];
    }

    private static float[] Sorted(IReadOnlyList<float[]> rows, int feature)
    {
        var values = new float[rows.Count];
        for (var i = 0; i < values.Length; i++) values[i] = rows[i][feature];
        Array.Sort(values);
        return values;
    }

    /// <summary>The gaps of one feature: its pool values cut at their deciles, adjacent tenths that are gaps joined.</summary>
    private static IEnumerable<CoverageGap> Gaps(string feature, float[] pool, float[] history)
    {
        // Upper bounds of the tenths, each a pool value; a value repeated over several deciles makes one tenth of its own.
        var bounds = Enumerable.Range(1, 9).Select(d => pool[d * (pool.Length - 1) / 10]).Append(pool[^1]).Distinct().ToArray();
        CoverageGap? open = null;
        var lower = float.NegativeInfinity;
        foreach (var upper in bounds)
        {
            var first = UpperIndex(pool, lower);
            var poolShare = (double)(UpperIndex(pool, upper) - first) / pool.Length;
            var historyShare = Share(history, lower, upper);
            if (poolShare > 0 && poolShare >= Ratio * historyShare)
            {
                open = open is null
                    ? new CoverageGap(feature, pool[first], upper, poolShare, historyShare)
                    : open with { To = upper, PoolShare = open.PoolShare + poolShare, HistoryShare = open.HistoryShare + historyShare };
            }
            else if (open is not null)
            {
                if (open.PoolShare >= MinPoolShare) yield return open;
                open = null;
            }
            lower = upper;
        }
        if (open is not null && open.PoolShare >= MinPoolShare) yield return open;
    }

    /// <summary>The share of the sorted values in (lower, upper].</summary>
    private static double Share(float[] sorted, float lower, float upper) =>
        (double)(UpperIndex(sorted, upper) - UpperIndex(sorted, lower)) / sorted.Length;

    /// <summary>The number of sorted values at most <paramref name="value"/>.</summary>
    private static int UpperIndex(float[] sorted, float value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
