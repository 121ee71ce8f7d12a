using System.Runtime.CompilerServices;
using System.Text.Json;

namespace MatchEngine.Models.Ranking;

/// <summary>
/// A piecewise-linear basis of each feature: the feature itself, plus one hinge max(0, x − k) per knot k. A linear
/// model on the expanded vector is additive per feature, each feature's term a piecewise-linear curve with its bends at
/// the knots, carried on as a straight line beyond the outermost knots (so it extrapolates like a plain slope). The
/// knots of a feature are the quartiles of its training values above its minimum, those strictly inside its range; a
/// feature with two values (a 0/1 flag) gets none. Immutable and thread-safe.
/// </summary>
public sealed class HingeBasis
{
    /// <summary>The quantiles of a feature's training values tried as knots.</summary>
    public static readonly double[] KnotQuantiles = [0.25, 0.5, 0.75];

    private readonly double[][] _knots;
    private readonly (int Feature, double Knot)[] _hinges;

    private HingeBasis(double[][] knots)
    {
        _knots = knots;
        _hinges = [.. Enumerable.Range(0, knots.Length).SelectMany(f => knots[f].Select(k => (f, k)))];
    }

    /// <summary>The number of features of the vectors this basis expands.</summary>
    public int FeatureCount => _knots.Length;

    /// <summary>The length of an expanded vector: every feature, then every hinge of <see cref="Hinges"/>.</summary>
    public int ExpandedCount => _knots.Length + _hinges.Length;

    /// <summary>
    /// The hinges in the order of their columns, feature by feature and each feature's knots ascending: column
    /// <see cref="FeatureCount"/> + h of an expanded vector holds <see cref="Hinge"/> of hinge h.
    /// </summary>
    public IReadOnlyList<(int Feature, double Knot)> Hinges => _hinges;

    /// <summary>A hinge column's value for a feature value: max(0, x − knot), in single precision as models are trained on it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Hinge(float x, double knot) => (float)Math.Max(0, x - knot);

    /// <summary>The basis of the rows' features: for each feature, the quartiles of its training values above its minimum, strictly inside its range.</summary>
    public static HingeBasis Fit(IReadOnlyList<float[]> rows, int featureCount)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var knots = new double[featureCount][];
        var values = new float[rows.Count];
        for (var f = 0; f < featureCount; f++)
        {
            for (var r = 0; r < rows.Count; r++) values[r] = rows[r][f];
            Array.Sort(values);
            knots[f] = Knots(values);
        }
        return new HingeBasis(knots);
    }

    /// <summary>
    /// The knots of one feature from its sorted training values: the quartiles of the values above its minimum, those strictly
    /// inside its range. Many features sit at their minimum for most pairs (no years in the occupation, within reach, no hours
    /// short), so the quartiles of all values would all be that minimum and the feature would get no bend where its values vary.
    /// </summary>
    private static double[] Knots(float[] sorted)
    {
        if (sorted.Length == 0) return [];
        var above = Array.FindIndex(sorted, v => v > sorted[0]);
        if (above < 0) return [];
        var rest = sorted.AsSpan(above);
        var knots = new List<double>();
        foreach (var q in KnotQuantiles)
        {
            double k = rest[(int)Math.Floor(q * (rest.Length - 1))];
            if (k > sorted[0] && k < sorted[^1] && !knots.Contains(k)) knots.Add(k);
        }
        return [.. knots];
    }

    /// <summary>This basis without the knots of <paramref name="features"/>: each of them enters as a straight line.</summary>
    public HingeBasis Without(IReadOnlyCollection<int> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        return new HingeBasis([.. _knots.Select((k, f) => features.Contains(f) ? [] : k)]);
    }

    /// <summary>The expanded vector of one feature vector.</summary>
    public float[] Expand(float[] features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var expanded = new float[ExpandedCount];
        Array.Copy(features, expanded, _knots.Length);
        for (var h = 0; h < _hinges.Length; h++) expanded[_knots.Length + h] = Hinge(features[_hinges[h].Feature], _hinges[h].Knot);
        return expanded;
    }

    /// <summary>Sums the terms of each feature's columns: per-feature contributions of a linear model on the expanded vector.</summary>
    public float[] Fold(float[] expandedTerms)
    {
        ArgumentNullException.ThrowIfNull(expandedTerms);
        var folded = expandedTerms[.._knots.Length];
        for (var h = 0; h < _hinges.Length; h++) folded[_hinges[h].Feature] += expandedTerms[_knots.Length + h];
        return folded;
    }

    /// <summary>Writes the knots as JSON (one array of knots per feature).</summary>
    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(_knots));

    /// <summary>Reads knots written by <see cref="Save"/>.</summary>
    public static HingeBasis Load(string path) =>
        new(JsonSerializer.Deserialize<double[][]>(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path}: no knots"));
}
