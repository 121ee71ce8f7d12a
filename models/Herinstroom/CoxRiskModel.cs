using System.Text.Json;
using MatchEngine.Models.Survival;

namespace MatchEngine.Models.Herinstroom;

/// <summary>
/// A Cox proportional-hazards herinstroom model as served: coefficients on the used terms (a subset of
/// the input features, constant and collinear columns dropped), their training means, and the Breslow
/// baseline cumulative hazard, so that F(t | x) = 1 − exp(−H₀(t)·exp(x′β)) with t in months since the
/// start. Also explains a prediction: a term's contribution to the log hazard is β·(x − mean).
/// Immutable and thread-safe.
/// </summary>
public sealed class CoxRiskModel : IHerinstroomModel
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private readonly double[] _coefficients;
    private readonly double[] _means;
    private readonly int[] _index;
    private readonly double[] _baselineMonths;
    private readonly double[] _baselineHazard;

    /// <param name="inputFeatures">Names of the features in each input vector.</param>
    /// <param name="terms">The used features (each one of <paramref name="inputFeatures"/>), in coefficient order.</param>
    /// <param name="coefficients">Log hazard ratio per unit of each term.</param>
    /// <param name="means">Training mean of each term.</param>
    /// <param name="baselineMonths">Event times of the Breslow baseline, ascending, in months.</param>
    /// <param name="baselineHazard">H₀ at each of <paramref name="baselineMonths"/> (x = 0, uncentred), non-decreasing.</param>
    public CoxRiskModel(IReadOnlyList<string> inputFeatures, IReadOnlyList<string> terms, IReadOnlyList<double> coefficients, IReadOnlyList<double> means,
        IReadOnlyList<double> baselineMonths, IReadOnlyList<double> baselineHazard)
    {
        ArgumentNullException.ThrowIfNull(inputFeatures);
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(coefficients);
        ArgumentNullException.ThrowIfNull(means);
        ArgumentNullException.ThrowIfNull(baselineMonths);
        ArgumentNullException.ThrowIfNull(baselineHazard);
        if (coefficients.Count != terms.Count || means.Count != terms.Count) throw new ArgumentException("one coefficient and one mean per term are needed", nameof(coefficients));
        if (baselineMonths.Count != baselineHazard.Count) throw new ArgumentException("one hazard per baseline time is needed", nameof(baselineHazard));
        InputFeatures = [.. inputFeatures];
        Terms = [.. terms];
        _index = [.. terms.Select(t => InputFeatures.ToList().IndexOf(t) is var i and >= 0 ? i : throw new ArgumentException($"term '{t}' is not an input feature", nameof(terms)))];
        _coefficients = [.. coefficients];
        _means = [.. means];
        _baselineMonths = [.. baselineMonths];
        _baselineHazard = [.. baselineHazard];
    }

    /// <inheritdoc />
    public string Kind => "Cox";

    /// <inheritdoc />
    public IReadOnlyList<string> InputFeatures { get; }

    /// <summary>The features the model uses, in coefficient order.</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>Log hazard ratios per unit, in <see cref="Terms"/> order.</summary>
    public IReadOnlyList<double> Coefficients => _coefficients;

    /// <summary>Training means, in <see cref="Terms"/> order.</summary>
    public IReadOnlyList<double> Means => _means;

    /// <summary>Builds the served model from a fit on the columns <paramref name="termIndex"/> of vectors in <paramref name="inputFeatures"/> order.</summary>
    public static CoxRiskModel From(CoxModel fit, IReadOnlyList<string> inputFeatures, IReadOnlyList<int> termIndex)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(inputFeatures);
        ArgumentNullException.ThrowIfNull(termIndex);
        var times = fit.Baseline.Times.ToArray();
        return new CoxRiskModel(inputFeatures, [.. termIndex.Select(i => inputFeatures[i])], [.. fit.Coefficients.Select(c => c.Coef)], [.. fit.Means],
            times, [.. times.Select(t => fit.Baseline.At(t, BaselineHazardType.Breslow))]);
    }

    /// <summary>x′β on the used terms of an input vector (uncentred).</summary>
    public double LinearPredictor(double[] features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var eta = 0.0;
        for (var j = 0; j < _index.Length; j++) eta += _coefficients[j] * features[_index[j]];
        return eta;
    }

    /// <inheritdoc />
    public IReadOnlyList<RiskCurve> Predict(IReadOnlyList<double[]> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var curves = new RiskCurve[features.Count];
        for (var i = 0; i < curves.Length; i++) curves[i] = RiskCurve.Step(_baselineMonths, _baselineHazard, Math.Exp(LinearPredictor(features[i])));
        return curves;
    }

    /// <summary>Per term: its value in <paramref name="features"/> and its contribution β·(x − mean) to the log hazard, in term order.</summary>
    public IReadOnlyList<(string Term, double Value, double Contribution)> Contributions(double[] features)
    {
        ArgumentNullException.ThrowIfNull(features);
        return [.. Terms.Select((t, j) => (t, features[_index[j]], _coefficients[j] * (features[_index[j]] - _means[j])))];
    }

    /// <summary>The coefficient of <paramref name="term"/>, or null when the model does not use it.</summary>
    public double? Coefficient(string term)
    {
        for (var j = 0; j < Terms.Count; j++) if (Terms[j] == term) return _coefficients[j];
        return null;
    }

    /// <summary>Writes the model as JSON to <paramref name="path"/>.</summary>
    public void Save(string path) =>
        File.WriteAllText(path, JsonSerializer.Serialize(new CoxFile(InputFeatures, Terms, _coefficients, _means, _baselineMonths, _baselineHazard), Json));

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    public static CoxRiskModel Load(string path)
    {
        var f = JsonSerializer.Deserialize<CoxFile>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path} holds no Cox model");
        return new CoxRiskModel(f.InputFeatures, f.Terms, f.Coefficients, f.Means, f.BaselineMonths, f.BaselineHazard);
    }

    private sealed record CoxFile(IReadOnlyList<string> InputFeatures, IReadOnlyList<string> Terms, IReadOnlyList<double> Coefficients, IReadOnlyList<double> Means,
        IReadOnlyList<double> BaselineMonths, IReadOnlyList<double> BaselineHazard);
}
