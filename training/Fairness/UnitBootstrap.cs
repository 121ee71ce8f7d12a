namespace MatchEngine.Training.Fairness;

/// <summary>
/// Percentile bootstrap over resampling units (vacancies, placements): each replicate draws as many units as there are, with
/// replacement (seeded), and recomputes every statistic on the drawn units. Units are resampled whole because the pairs of
/// one vacancy share its pool and are not independent. Stateless.
/// </summary>
public static class UnitBootstrap
{
    /// <summary>Replicates per audit.</summary>
    public const int Replicates = 200;

    /// <summary>Coverage of the intervals: the 5th to the 95th percentile.</summary>
    public const double Level = 0.9;

    /// <summary>
    /// The <see cref="Level"/> interval of each of the values <paramref name="statistic"/> computes from unit weights (how many
    /// times each unit was drawn). Replicates where a value is NaN (an empty group) are left out of that value's interval. The
    /// replicates are drawn one after another from the seed and computed side by side (<paramref name="statistic"/> must be
    /// thread-safe), then read in the order drawn, so the intervals do not depend on the number of threads.
    /// </summary>
    public static (double Low, double High)[] Intervals(int units, int values, Func<double[], double[]> statistic, int seed)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        var random = new Random(seed);
        var weights = new double[Replicates][];
        for (var r = 0; r < Replicates; r++)
        {
            weights[r] = new double[units];
            for (var i = 0; i < units; i++) weights[r][random.Next(units)]++;
        }
        var computed = new double[Replicates][];
        Parallel.For(0, Replicates, r => computed[r] = statistic(weights[r]));
        var draws = Enumerable.Range(0, values).Select(_ => new List<double>(Replicates)).ToArray();
        for (var r = 0; r < Replicates; r++)
        {
            for (var v = 0; v < values; v++)
                if (!double.IsNaN(computed[r][v])) draws[v].Add(computed[r][v]);
        }
        var tail = (1 - Level) / 2;
        return [.. draws.Select(d => d.Count == 0 ? (double.NaN, double.NaN) : (Percentile(d, tail), Percentile(d, 1 - tail)))];
    }

    private static double Percentile(List<double> values, double q)
    {
        values.Sort();
        var position = q * (values.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, values.Count - 1);
        return values[below] + (position - below) * (values[above] - values[below]);
    }
}
