using System.Globalization;

namespace MatchEngine.Models.Registry;

/// <summary>
/// The promotion rule for fairness. It acts on treatment, not on qualification: a version is held back when, for a group
/// large enough to count, the upper bound of the interval of its qualified-exposure or equal-opportunity ratio (for the ranker's
/// age bands: at equal experience; for leerwerk's migration background: at equal Dutch, <see cref="FairnessAudit.IsGatedRatio"/>) is below the
/// registry's <see cref="FairnessPolicy.Threshold"/>, or when the model under-predicts the group's observed rate, against the
/// other groups, by more than <see cref="CalibrationBound"/> with an interval that excludes zero (unless it mirrors a flag,
/// <see cref="MirrorsAFlag"/>). The intervals hold jointly over the audit's findings (<see cref="FairnessAudit.PerFindingLevel"/>).
/// Over-prediction by more than the bound is not a refusal but a <see cref="Flags">flag</see>: past decisions went against the group
/// at equal score, which the region should look into. Exposure against the whole pool is reported only. Manifests written before structured audits are
/// judged by their <c>fairness.min_ratio</c> metric.
/// </summary>
public static class FairnessGate
{
    /// <summary>
    /// Largest tolerated gap between a group's mean predicted chance and its observed rate, in absolute probability (2 points: on the
    /// ranker's invitation chance of about 15%, an eighth of the rate; a group of 1,000 held-out cases measures it to about ±1.5 points).
    /// </summary>
    public const double CalibrationBound = 0.02;

    /// <summary>
    /// Why <paramref name="manifest"/> may not be promoted under <paramref name="policy"/> without an override, or null when it
    /// may. A ratio that could not be computed (NaN) fails; a model without a fairness audit passes.
    /// </summary>
    public static string? Refusal(ModelManifest manifest, FairnessPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(policy);
        if (manifest.Fairness is { } audit)
        {
            var reasons = Failures(audit, policy.Threshold).ToArray();
            return reasons.Length == 0 ? null
                : $"{manifest.Version} voldoet niet aan de eerlijkheidstoets ({string.Join("; ", reasons)}); een beheerder kan de toets met een reden opheffen en deze versie toch promoveren";
        }
        return manifest.Metrics.TryGetValue("fairness.min_ratio", out var ratio) && !(ratio >= policy.Threshold)
            ? $"{manifest.Version} voldoet niet aan de eerlijkheidstoets (laagste groepsratio {N(ratio)} < {N(policy.Threshold)}); " +
              "een beheerder kan de toets met een reden opheffen en deze versie toch promoveren"
            : null;
    }

    /// <summary>Each finding that blocks promotion at <paramref name="threshold"/>, in words naming the lens and the group.</summary>
    public static IEnumerable<string> Failures(FairnessAudit audit, double threshold)
    {
        ArgumentNullException.ThrowIfNull(audit);
        foreach (var f in audit.Findings.Where(f => !f.TooSmall))
        {
            if (audit.IsGatedRatio(f) && !(f.High >= threshold))
                yield return $"{f.Lens} van {f.Attribute}={f.Group} is {N(f.Value)} (90%-interval {N(f.Low)}–{N(f.High)}), onder {N(threshold)}";
            else if (f.Lens == FairnessLens.Calibration && UnderPredicts(f) && !MirrorsAFlag(audit, f))
                yield return $"kalibratie van {f.Attribute}={f.Group}: het model voorspelt {N(-f.Value)} te laag (90%-interval {N(-f.High)}–{N(-f.Low)}), meer dan {N(CalibrationBound)}";
        }
    }

    /// <summary>
    /// Findings that do not block but that the region should look into: the model over-predicts a group's observed rate beyond
    /// <see cref="CalibrationBound"/> (interval above zero), a sign that past decisions went against the group at equal score.
    /// </summary>
    public static IReadOnlyList<string> Flags(FairnessAudit? audit) =>
        audit is null ? [] :
        [.. audit.Findings.Where(f => !f.TooSmall && f.Lens == FairnessLens.Calibration && OverPredicts(f))
            .Select(f => $"mogelijk onrecht in de geschiedenis: {f.Attribute}={f.Group} deed het {N(f.Value)} slechter dan het model voorspelt (90%-interval {N(f.Low)}–{N(f.High)})")];

    /// <summary>
    /// True when another group of the same attribute is over-predicted beyond the bound (a flag). The chance is calibrated on every
    /// group together, so when the history held one group down, the others' observed rates lie above the model's: their
    /// under-prediction is the other side of the flag, the model declining to copy the history, and does not block.
    /// </summary>
    public static bool MirrorsAFlag(FairnessAudit audit, FairnessFinding finding)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(finding);
        return audit.Of(FairnessLens.Calibration).Any(f => f.Attribute == finding.Attribute && !f.TooSmall && OverPredicts(f));
    }

    /// <summary>True when the group's predicted rate is below its observed rate by more than the bound, the interval excluding zero.</summary>
    public static bool UnderPredicts(FairnessFinding finding) => finding is { Lens: FairnessLens.Calibration } && finding.High < 0 && finding.Value < -CalibrationBound;

    /// <summary>True when the group's predicted rate is above its observed rate by more than the bound, the interval excluding zero.</summary>
    public static bool OverPredicts(FairnessFinding finding) => finding is { Lens: FairnessLens.Calibration } && finding.Low > 0 && finding.Value > CalibrationBound;

    private static string N(double x) => x.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',');
}
