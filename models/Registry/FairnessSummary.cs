using System.Globalization;

namespace MatchEngine.Models.Registry;

/// <summary>
/// A fairness audit in two Dutch lines, for the demo, <c>models list</c>, the Models service and the report: the verdict
/// with the lowest gated ratio of each lens, then the calibration flags and the groups too small to count (lenses,
/// attributes and groups by their identifiers, numbers with a decimal comma). Stateless.
/// </summary>
public static class FairnessSummary
{
    /// <summary>The two lines of <paramref name="audit"/> judged at <paramref name="threshold"/>.</summary>
    public static (string Verdict, string Notes) Of(FairnessAudit audit, double threshold)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var failures = FairnessGate.Failures(audit, threshold).ToArray();
        var lowest = FairnessLens.GatedRatios.Select(lens => audit.Of(lens).Where(f => audit.IsGatedRatio(f) && !double.IsNaN(f.High))
                .OrderBy(f => f.High).ThenBy(f => f.Value).FirstOrDefault() is { } f
            ? $"{lens} laagst {f.Attribute}={f.Group} {N(f.Value)} (90% {N(f.Low)}–{N(f.High)})" : null).OfType<string>();
        var verdict = (failures.Length == 0 ? $"voldoet bij {N(threshold)}" : $"GEBLOKKEERD bij {N(threshold)}: {string.Join("; ", failures)}")
            + $" — {string.Join("; ", lowest)}";
        var flags = FairnessGate.Flags(audit);
        var small = audit.Findings.Where(f => f.TooSmall).GroupBy(f => f.Lens)
            .Select(l => l.Count() == audit.Of(l.Key).Count() ? $"{l.Key} (elke groep)" : $"{l.Key} {string.Join(", ", l.Select(f => $"{f.Attribute}={f.Group}"))}").ToArray();
        var calibration = audit.Of(FairnessLens.Calibration).Where(f => !f.TooSmall && !double.IsNaN(f.Value)).MaxBy(f => Math.Abs(f.Value)) is { } c
            ? $"grootste kalibratieverschil {c.Attribute}={c.Group} {Signed(c.Value)} (90% {Signed(c.Low)}–{Signed(c.High)})" : "geen kalibratielens";
        var notes = (flags.Count == 0 ? calibration : string.Join("; ", flags))
            + (small.Length == 0 ? "" : $"; te klein om mee te tellen (< {audit.MinimumGroupSize}): {string.Join("; ", small)}");
        return (verdict, notes);
    }

    private static string N(double x) => x.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',');

    private static string Signed(double x) => x.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture).Replace('.', ',');
}
