namespace MatchEngine.Training.Ranking;

/// <summary>
/// How much one model's per-group metric differs from another's on the same held-out groups: the mean difference and its
/// percentile interval over bootstrap replicates that resample the groups (paired, seeded). Tells a real difference from
/// the spread that a hundred held-out vacancies leave.
/// </summary>
public sealed record PairedDifference(double Mean, double Low, double High)
{
    /// <summary>Bootstrap replicates.</summary>
    public const int Replicates = 1_000;

    /// <summary>Two-sided level of the interval.</summary>
    public const double Level = 0.90;

    /// <summary>True when the whole interval lies below zero: the first model is shown to do worse.</summary>
    public bool ShownWorse => High < 0;

    /// <summary>True when the whole interval lies above zero: the first model is shown to do better.</summary>
    public bool ShownBetter => Low > 0;

    /// <summary>
    /// The difference <paramref name="model"/> − <paramref name="baseline"/>, group by group. Without per-group values
    /// (both empty) the difference of <paramref name="modelMean"/> and <paramref name="baselineMean"/>, as a point.
    /// </summary>
    public static PairedDifference Of(IReadOnlyList<double> model, IReadOnlyList<double> baseline, double modelMean, double baselineMean, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(baseline);
        if (model.Count != baseline.Count) throw new ArgumentException($"{model.Count} groups against {baseline.Count}", nameof(baseline));
        if (model.Count == 0) return new PairedDifference(modelMean - baselineMean, modelMean - baselineMean, modelMean - baselineMean);
        var differences = model.Select((m, i) => m - baseline[i]).ToArray();
        var random = new Random(seed);
        var means = new double[Replicates];
        for (var r = 0; r < Replicates; r++)
        {
            var sum = 0.0;
            for (var i = 0; i < differences.Length; i++) sum += differences[random.Next(differences.Length)];
            means[r] = sum / differences.Length;
        }
        Array.Sort(means);
        var tail = (1 - Level) / 2;
        return new PairedDifference(differences.Average(), means[(int)Math.Floor(tail * (Replicates - 1))], means[(int)Math.Ceiling((1 - tail) * (Replicates - 1))]);
    }
}
