namespace MatchEngine.Models.Herinstroom;

/// <summary>
/// A trained herinstroom model: maps placement feature vectors (in <see cref="InputFeatures"/> order)
/// to cumulative risk curves in months since the start. Implementations are immutable and thread-safe.
/// </summary>
public interface IHerinstroomModel
{
    /// <summary>The algorithm as saved in the manifest: <c>Cox</c> or <c>FastTreeIpcw</c>.</summary>
    string Kind { get; }

    /// <summary>Names of the features each input vector holds, in order.</summary>
    IReadOnlyList<string> InputFeatures { get; }

    /// <summary>One risk curve per feature vector, in input order; batch scoring (no per-row engine).</summary>
    IReadOnlyList<RiskCurve> Predict(IReadOnlyList<double[]> features);
}
