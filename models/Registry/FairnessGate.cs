namespace MatchEngine.Models.Registry;

/// <summary>
/// The promotion rule for fairness, read from a manifest: a model whose lowest group ratio
/// (<c>fairness.min_ratio</c>) is below its <c>fairness.threshold</c> is promoted only with an override reason.
/// </summary>
public static class FairnessGate
{
    /// <summary>Why <paramref name="manifest"/> may not be promoted without an override, or null when it may.</summary>
    public static string? Refusal(ModelManifest manifest) =>
        manifest.Metrics.TryGetValue("fairness.min_ratio", out var ratio) && manifest.Metrics.TryGetValue("fairness.threshold", out var threshold) && ratio < threshold
            ? $"{manifest.Version} failed its fairness audit (lowest group ratio {ratio:0.00} < {threshold:0.00}); it can be promoted only with a fairness override and a reason"
            : null;
}
