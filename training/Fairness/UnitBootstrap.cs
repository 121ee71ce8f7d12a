namespace MatchEngine.Training.Fairness;

/// <summary>
/// Percentile bootstrap over resampling units (vacancies, placements): each replicate draws as many units as there are, with
/// replacement (seeded), and recomputes every statistic on the drawn units. Units are resampled whole because the pairs of
/// one vacancy share its pool and are not independent; where units also share people (the ranker's candidates), a replicate
/// weighs the people too (<see cref="PersonDraw"/>). The intervals are simultaneous: one percentile level for every value,
/// chosen so that in <see cref="Level"/> of the replicates all counted values lie inside their intervals at once. An audit
/// checks many groups under several lenses; with a separate 90% interval each, a fair model would fail one of twenty checks by
/// chance far more often than one time in ten. Stateless.
/// </summary>
public static class UnitBootstrap
{
    /// <summary>Replicates per audit: enough to read the tail percentiles that simultaneous intervals over some 40 values need.</summary>
    public const int Replicates = 1000;

    /// <summary>Joint coverage of the counted intervals.</summary>
    public const double Level = 0.9;

    /// <summary>
    /// The simultaneous <see cref="Level"/> intervals of the values <paramref name="statistic"/> computes from each of <paramref name="draws"/>
    /// (<see cref="Draws"/>: unit weights, how many times each unit was drawn, and in a two-way bootstrap people's weights too, so a pair
    /// counts its unit's weight times its person's), and the per-value level they were read at. Only values marked in
    /// <paramref name="counted"/> (groups large enough to count) take part in the joint coverage; every value's interval is read at the
    /// same level. Replicates where a value is NaN (an empty group) are left out of that value's interval. The draws are computed side by
    /// side (<paramref name="statistic"/> must be thread-safe) and read in order, so the intervals do not depend on the number of threads.
    /// </summary>
    public static ((double Low, double High)[] Intervals, double PerValueLevel) Intervals(IReadOnlyList<BootstrapDraw> draws, IReadOnlyList<bool> counted,
        Func<BootstrapDraw, double[]> statistic)
    {
        ArgumentNullException.ThrowIfNull(draws);
        ArgumentNullException.ThrowIfNull(counted);
        ArgumentNullException.ThrowIfNull(statistic);
        var computed = new double[draws.Count][];
        Parallel.For(0, draws.Count, r => computed[r] = statistic(draws[r]));
        var values = Enumerable.Range(0, counted.Count).Select(_ => new List<double>(draws.Count)).ToArray();
        for (var r = 0; r < computed.Length; r++)
        {
            for (var v = 0; v < counted.Count; v++)
                if (!double.IsNaN(computed[r][v])) values[v].Add(computed[r][v]);
        }
        foreach (var d in values) d.Sort();
        var tail = JointTail(computed, values, counted);
        return ([.. values.Select(d => Between(d, tail))], 1 - 2 * tail);
    }

    /// <summary>
    /// <see cref="Replicates"/> draws from <paramref name="seed"/>, one after another: each draws <paramref name="units"/> units with
    /// replacement (the weights are how many times each was drawn) and, when <paramref name="people"/> is above 0, a seed for the
    /// weights of that many people (<see cref="PersonDraw"/>). The same arguments give the same draws, so the audits of several models
    /// in one run share them.
    /// </summary>
    public static BootstrapDraw[] Draws(int units, int people, int seed)
    {
        var random = new Random(seed);
        var draws = new BootstrapDraw[Replicates];
        for (var r = 0; r < Replicates; r++)
        {
            var unitWeights = new double[units];
            for (var i = 0; i < units; i++) unitWeights[random.Next(units)]++;
            draws[r] = new BootstrapDraw(r, unitWeights, people > 0 ? new PersonDraw(people, random.Next()) : null);
        }
        return draws;
    }

    /// <summary>
    /// The largest tail share (at most the per-value tail of <see cref="Level"/>) at which the counted values of at least
    /// <see cref="Level"/> of the replicates all lie within their intervals. Coverage only falls as the tail grows, so it is
    /// found by bisection.
    /// </summary>
    private static double JointTail(double[][] computed, List<double>[] draws, IReadOnlyList<bool> counted)
    {
        double low = 0, high = (1 - Level) / 2;
        if (Coverage(high) >= Level) return high;
        for (var step = 0; step < 30; step++)
        {
            var mid = (low + high) / 2;
            if (Coverage(mid) >= Level) low = mid; else high = mid;
        }
        return low;

        double Coverage(double tail)
        {
            var bounds = draws.Select(d => Between(d, tail)).ToArray();
            var inside = 0;
            foreach (var replicate in computed)
            {
                var all = true;
                for (var v = 0; v < bounds.Length && all; v++)
                {
                    var x = replicate[v];
                    all = !counted[v] || double.IsNaN(x) || x >= bounds[v].Low && x <= bounds[v].High;
                }
                if (all) inside++;
            }
            return (double)inside / computed.Length;
        }
    }

    private static (double Low, double High) Between(List<double> sorted, double tail) =>
        sorted.Count == 0 ? (double.NaN, double.NaN) : (Percentile(sorted, tail), Percentile(sorted, 1 - tail));

    private static double Percentile(List<double> sorted, double q)
    {
        var position = q * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}

/// <summary>One bootstrap replicate: its number, how many times each unit was drawn and, in a two-way bootstrap, the people's weights (else null).</summary>
public sealed record BootstrapDraw(int Index, double[] Units, PersonDraw? People);

/// <summary>
/// The weights of <paramref name="Count"/> people in one replicate of a two-way bootstrap: independent Poisson(1) counts (the Poisson
/// form of drawing people with replacement), made from <paramref name="Seed"/> when asked for, so a thousand replicates of a large region
/// need not be held at once.
/// </summary>
public sealed record PersonDraw(int Count, int Seed)
{
    /// <summary>Each person's weight, the same every time for the same seed.</summary>
    public byte[] Weights()
    {
        var random = new Random(Seed);
        var weights = new byte[Count];
        for (var i = 0; i < weights.Length; i++) weights[i] = Poisson(random.NextDouble());
        return weights;
    }

    /// <summary>The Poisson(1) count whose cumulative probability first reaches <paramref name="u"/>.</summary>
    private static byte Poisson(double u)
    {
        double term = Math.Exp(-1), cumulative = term;
        byte k = 0;
        while (u > cumulative && k < 30)
        {
            k++;
            term /= k;
            cumulative += term;
        }
        return k;
    }
}
