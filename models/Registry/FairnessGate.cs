namespace MatchEngine.Models.Registry;

/// <summary>
/// The promotion rule for fairness: a model whose lowest group ratio (<c>fairness.min_ratio</c> in its manifest) is
/// below the registry's <see cref="FairnessPolicy.Threshold"/> is promoted only by an admin with an override reason.
/// </summary>
public static class FairnessGate
{
    /// <summary>
    /// Why <paramref name="manifest"/> may not be promoted under <paramref name="policy"/> without an override, or null when it
    /// may. A ratio that could not be computed (NaN) fails; a model without a fairness audit (leerwerk) passes.
    /// </summary>
    public static string? Refusal(ModelManifest manifest, FairnessPolicy policy) =>
        manifest.Metrics.TryGetValue("fairness.min_ratio", out var ratio) && !(ratio >= policy.Threshold)
            ? $"{manifest.Version} failed its fairness audit (lowest group ratio {ratio:0.00} < {policy.Threshold:0.00}); " +
              "an admin may promote it with a fairness override and a reason"
            : null;
}
