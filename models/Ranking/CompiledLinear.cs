using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms;

namespace MatchEngine.Models.Ranking;

/// <summary>
/// A trained linear model read out of its ML.NET pipeline (an affine normaliser, then a linear model, possibly
/// calibrated) and evaluated directly: the score is the bias plus each weight times its normalised feature, which is
/// ML.NET's raw score; a feature's contribution is its term of that sum. A model trained on a <see cref="HingeBasis"/>
/// reads plain feature vectors: each hinge column is computed as it is summed, never stored, and a feature's contribution
/// is the sum of its columns' terms. Immutable and thread-safe.
/// </summary>
internal sealed class CompiledLinear
{
    private readonly double[] _weights;
    private readonly double[] _offsets;
    private readonly double _bias;
    private readonly int _featureCount;
    private readonly (int Feature, double Knot)[] _hinges;

    private CompiledLinear(double[] weights, double[] offsets, double bias, HingeBasis? basis)
    {
        _weights = weights;
        _offsets = offsets;
        _bias = bias;
        _featureCount = basis?.FeatureCount ?? weights.Length;
        _hinges = basis is null ? [] : [.. basis.Hinges];
        if (_featureCount + _hinges.Length != weights.Length)
            throw new ArgumentException($"the model has {weights.Length} weights, the basis {_featureCount + _hinges.Length} columns", nameof(basis));
    }

    /// <summary>
    /// Compiles <paramref name="model"/>, trained on the columns of <paramref name="basis"/> when given, or returns null
    /// when it is not an affine normaliser followed by a linear model.
    /// </summary>
    public static CompiledLinear? From(ITransformer model, HingeBasis? basis = null)
    {
        var steps = model is IEnumerable<ITransformer> chain ? chain.ToArray() : [model];
        if (steps.Length is 0 or > 2) return null;
        object? predictor = (steps[^1] as ISingleFeaturePredictionTransformer<object>)?.Model;
        if (predictor is CalibratedModelParametersBase calibrated) predictor = calibrated.SubModel;
        if (predictor is not LinearModelParameters linear) return null;
        var weights = linear.Weights.Select(w => (double)w).ToArray();
        var offsets = new double[weights.Length];
        if (steps.Length == 2)
        {
            if (steps[0] is not NormalizingTransformer normalizer ||
                normalizer.GetNormalizerModelParameters(0) is not NormalizingTransformer.AffineNormalizerModelParameters<ImmutableArray<float>> affine)
                return null;
            // ML.NET normalises x to (x - offset) * scale; folding the scale into the weight gives the same sum.
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] *= affine.Scale[i];
                offsets[i] = affine.Offset.IsDefaultOrEmpty ? 0 : affine.Offset[i];
            }
        }
        return new CompiledLinear(weights, offsets, linear.Bias, basis);
    }

    /// <summary>The raw score of each feature vector.</summary>
    public float[] Score(IReadOnlyList<float[]> rows)
    {
        var scores = new float[rows.Count];
        for (var r = 0; r < scores.Length; r++)
        {
            var x = rows[r];
            var sum = _bias;
            for (var i = 0; i < _featureCount; i++) sum += _weights[i] * (x[i] - _offsets[i]);
            for (var h = 0; h < _hinges.Length; h++) sum += HingeTerm(x, h);
            scores[r] = (float)sum;
        }
        return scores;
    }

    /// <summary>Each feature's term of the score, per row (a feature's hinge terms added to it).</summary>
    public float[][] Contributions(IReadOnlyList<float[]> rows)
    {
        var all = new float[rows.Count][];
        for (var r = 0; r < all.Length; r++)
        {
            var x = rows[r];
            var terms = new double[_featureCount];
            for (var i = 0; i < _featureCount; i++) terms[i] = _weights[i] * (x[i] - _offsets[i]);
            for (var h = 0; h < _hinges.Length; h++) terms[_hinges[h].Feature] += HingeTerm(x, h);
            all[r] = Array.ConvertAll(terms, t => (float)t);
        }
        return all;
    }

    /// <summary>
    /// The most feature <paramref name="feature"/>'s term can gain while the feature moves anywhere from
    /// <paramref name="from"/> to <paramref name="to"/> (0 when it can only lose): the term is a line bent at the
    /// feature's knots, so the most lies at <paramref name="to"/> or at a knot between.
    /// </summary>
    public double MostGain(int feature, double from, double to)
    {
        var most = Math.Max(0, TermChange(feature, from, to));
        foreach (var (f, knot) in _hinges)
            if (f == feature && knot > Math.Min(from, to) && knot < Math.Max(from, to)) most = Math.Max(most, TermChange(feature, from, knot));
        return most;
    }

    /// <summary>How much feature <paramref name="feature"/>'s term of the score changes from value <paramref name="from"/> to <paramref name="to"/>.</summary>
    private double TermChange(int feature, double from, double to)
    {
        var change = _weights[feature] * (to - from);
        for (var h = 0; h < _hinges.Length; h++)
            if (_hinges[h].Feature == feature)
                change += _weights[_featureCount + h] * (Math.Max(0, to - _hinges[h].Knot) - Math.Max(0, from - _hinges[h].Knot));
        return change;
    }

    /// <summary>Hinge <paramref name="h"/>'s term of the score of <paramref name="x"/>, its column computed as <see cref="HingeBasis.Expand(float[])"/> does.</summary>
    /// <remarks>Inlined: <see cref="Score"/> sums up to three of these per feature for every retrieved candidate.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double HingeTerm(float[] x, int h)
    {
        var (feature, knot) = _hinges[h];
        var column = _featureCount + h;
        return _weights[column] * (HingeBasis.Hinge(x[feature], knot) - _offsets[column]);
    }
}
