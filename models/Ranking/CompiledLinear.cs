using System.Collections.Immutable;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms;

namespace MatchEngine.Models.Ranking;

/// <summary>
/// A trained linear model read out of its ML.NET pipeline (an affine normaliser, then a linear model, possibly
/// calibrated) and evaluated directly: the score is the bias plus each weight times its normalised feature, which is
/// ML.NET's raw score; a feature's contribution is its term of that sum. Immutable and thread-safe.
/// </summary>
internal sealed class CompiledLinear
{
    private readonly double[] _weights;
    private readonly double[] _offsets;
    private readonly double _bias;

    private CompiledLinear(double[] weights, double[] offsets, double bias)
    {
        _weights = weights;
        _offsets = offsets;
        _bias = bias;
    }

    /// <summary>Compiles <paramref name="model"/>, or returns null when it is not an affine normaliser followed by a linear model.</summary>
    public static CompiledLinear? From(ITransformer model)
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
        return new CompiledLinear(weights, offsets, linear.Bias);
    }

    /// <summary>Each feature's weight on its raw value: how much the score changes per unit of the feature.</summary>
    public IReadOnlyList<double> Weights => _weights;

    /// <summary>The raw score of each feature vector.</summary>
    public float[] Score(IReadOnlyList<float[]> rows)
    {
        var scores = new float[rows.Count];
        for (var r = 0; r < scores.Length; r++)
        {
            var x = rows[r];
            var sum = _bias;
            for (var i = 0; i < _weights.Length; i++) sum += _weights[i] * (x[i] - _offsets[i]);
            scores[r] = (float)sum;
        }
        return scores;
    }

    /// <summary>Each feature's term of the score, per row.</summary>
    public float[][] Contributions(IReadOnlyList<float[]> rows)
    {
        var all = new float[rows.Count][];
        for (var r = 0; r < all.Length; r++)
        {
            var x = rows[r];
            var terms = new float[_weights.Length];
            for (var i = 0; i < terms.Length; i++) terms[i] = (float)(_weights[i] * (x[i] - _offsets[i]));
            all[r] = terms;
        }
        return all;
    }
}
