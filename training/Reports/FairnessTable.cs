using MatchEngine.Models.Registry;
using MatchEngine.Training.Fairness;

namespace MatchEngine.Training.Reports;

/// <summary>
/// The fairness section of a report, from the audit stored in the manifest: the verdict in two lines, then one row per
/// protected attribute and group with each lens's value, 90% interval and group size, and what the row means for promotion;
/// for the ranker, how much of each age band's exposure difference its own age-linked features explain. Manifests from before
/// structured audits show their stored ratios. Stateless.
/// </summary>
public static class FairnessTable
{
    /// <summary>Adds the fairness section of <paramref name="manifest"/> to <paramref name="report"/>, judged by <paramref name="policy"/>.</summary>
    public static void Write(MarkdownReport report, ModelManifest manifest, FairnessPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(policy);
        report.Heading(2, "Fairness audit");
        if (manifest.Fairness is not { } audit)
        {
            WriteLegacy(report, manifest, policy);
            return;
        }
        var (verdict, notes) = FairnessSummary.Of(audit, policy.Threshold);
        report.Paragraph($"**{verdict}.** {notes}.")
            .Paragraph($"Each cell: value ({FairnessJson.Interval(audit)}, over {audit.Units}: the intervals of the groups that count hold together), " +
                       "n = group size in the lens's unit. " +
                       $"Exposure: share of the top places over share of the pool or of the qualified pool (1 = proportional). Equal opportunity: of those who in fact " +
                       $"succeeded, the share at the top, over the best group's. For the ranker's age bands both are also computed at equal experience (years in the " +
                       $"occupation and its group, months in the bijstand and earlier exits set to each pool's median), and those are gated: experience is a " +
                       $"qualification that grows with age. For the route-success (leerwerk) model's migration background, equal opportunity is also computed " +
                       $"at equal Dutch (the Dutch level and its margin over the route's minimum set to the median) and that is gated: a route is taught in Dutch. " +
                       $"Calibration: the group's mean predicted chance minus its observed rate, less that gap over " +
                       $"everyone (a drift that moves every group alike is the model's calibration, not a group's treatment). Promotion is blocked when a " +
                       $"group's qualified-exposure or equal-opportunity interval lies wholly below {N(policy.Threshold)}, or when the model under-predicts a group by more " +
                       $"than {N(FairnessGate.CalibrationBound)} with an interval below zero (unless another group of the attribute is flagged: then it is the " +
                       $"other side of that flag); over-prediction beyond that bound is flagged as a possible injustice in the history. " +
                       $"Exposure against the whole pool is shown, not gated. Groups under {audit.MinimumGroupSize} are too small to count. " +
                       "Protected attributes are read only here, never as features.");
        string[] lenses = [FairnessLens.PoolExposure, FairnessLens.QualifiedExposure, FairnessLens.QualifiedExposureAtEqualExperience, FairnessLens.EqualOpportunity,
            FairnessLens.EqualOpportunityAtEqualExperience, FairnessLens.EqualOpportunityAtEqualDutch, FairnessLens.Calibration];
        var present = lenses.Where(l => audit.Of(l).Any()).ToArray();
        report.Table(["attribute", "group", .. present, "verdict"],
            audit.Findings.GroupBy(f => (f.Attribute, f.Group)).Select(g => (IReadOnlyList<string>)
            [
                g.Key.Attribute, g.Key.Group,
                .. present.Select(l => g.FirstOrDefault(f => f.Lens == l) is { } f ? Cell(f) : "–"),
                Verdict(audit, [.. g], policy.Threshold),
            ]));
        if (audit.AgeBands.Count > 0)
        {
            report.Paragraph("Age is not a feature of the ranker, but experience and spell length grow with age. Per age band: its share of the qualified pool " +
                             "minus its share of the top 10 (the gap), the same gap when the age-linked features (years of experience in the occupation and its " +
                             "group, months in the bijstand, earlier exits) are set to each pool's median, and the share of the gap those features explain.")
                .Table(["age band", "gap", "gap without age-linked features", "explained"],
                    audit.AgeBands.Select(a => (IReadOnlyList<string>)[a.Group, Signed(a.Gap), Signed(a.GapWithoutAgeLinked), double.IsNaN(a.Explained) ? "–" : $"{a.Explained:0%}"]));
        }
        WriteReranking(report, audit);
    }

    private static void WriteReranking(MarkdownReport report, FairnessAudit audit)
    {
        if (audit.Reranking.Count == 0) return;
        report.Paragraph("Fair re-ranking (`--fair-exposure ATTRIBUTE`, LinkedIn's deterministic greedy re-ranking; docs/fairness.md) of the same whole-pool " +
                         "shortlists: every group of the attribute keeps at least the share of the top 10 shown of its share among the qualified. Its cost in " +
                         "whole-pool NDCG@10 on the recorded outcomes, the qualified-exposure ratio of the group lowest without it, and the group lowest with it " +
                         "(groups that count only).")
            .Table(["attribute", "share", "ndcg@10", "with fair re-ranking", "lowest group", "ratio before", "ratio after", "lowest after", "its ratio"],
                audit.Reranking.Select(r => (IReadOnlyList<string>)[r.Attribute, N(r.Share), MarkdownReport.Number(r.Ndcg10, 4), MarkdownReport.Number(r.FairNdcg10, 4),
                    r.LowestGroup, N(r.LowestBefore), N(r.LowestAfter), r.WorstAfterGroup == "" ? "–" : r.WorstAfterGroup, N(r.WorstAfter)]));
    }

    private static string Cell(FairnessFinding f) =>
        double.IsNaN(f.Value) ? $"– (n={f.Size})"
        : f.Lens == FairnessLens.Calibration ? $"{Signed(f.Value)} ({Signed(f.Low)} to {Signed(f.High)}), n={f.Size}"
        : $"{N(f.Value)} ({N(f.Low)}–{N(f.High)}), n={f.Size}";

    private static string Verdict(FairnessAudit audit, IReadOnlyList<FairnessFinding> findings, double threshold)
    {
        if (findings.All(f => f.TooSmall)) return "too small to count";
        var blocks = findings.Where(f => !f.TooSmall && (audit.IsGatedRatio(f) && !(f.High >= threshold) || FairnessGate.UnderPredicts(f) && !FairnessGate.MirrorsAFlag(audit, f)))
            .Select(f => $"**blocks** ({f.Lens})");
        var flags = findings.Where(f => !f.TooSmall && FairnessGate.OverPredicts(f)).Select(_ => "flag: over-predicted (history)");
        var small = findings.Where(f => f.TooSmall).Select(f => $"{f.Lens} too small");
        var said = blocks.Concat(flags).Concat(small).ToArray();
        return said.Length == 0 ? "ok" : string.Join("; ", said);
    }

    private static void WriteLegacy(MarkdownReport report, ModelManifest manifest, FairnessPolicy policy)
    {
        var cells = manifest.Metrics.Where(m => m.Key.StartsWith("fairness.", StringComparison.Ordinal))
            .Select(m => (Parts: m.Key["fairness.".Length..].Split('.'), m.Value)).Where(x => x.Parts.Length >= 3)
            .Select(x => (Attribute: x.Parts[0], Group: string.Join('.', x.Parts[1..^1]), Measure: x.Parts[^1], x.Value)).ToArray();
        if (cells.Length == 0)
        {
            report.Paragraph("This model has no fairness audit in its manifest.");
            return;
        }
        var gate = FairnessGate.Refusal(manifest, policy);
        report.Paragraph($"An audit from before the three lenses (selection ratios, no intervals). {(gate is null ? "Passes the promotion gate." : $"**Blocked:** {gate}.")}");
        var measures = cells.Select(c => c.Measure).Distinct().ToArray();
        report.Table(["attribute", "group", .. measures],
            cells.GroupBy(c => (c.Attribute, c.Group)).OrderBy(g => g.Key.Attribute, StringComparer.Ordinal).ThenBy(g => g.Key.Group, StringComparer.Ordinal)
                .Select(g => (IReadOnlyList<string>)[g.Key.Attribute, g.Key.Group,
                    .. measures.Select(m => g.FirstOrDefault(c => c.Measure == m) is { Measure: not null } c ? MarkdownReport.Number(c.Value, 3) : "–")]));
    }

    private static string N(double x) => MarkdownReport.Number(x, 2);

    private static string Signed(double x) => x.ToString("+0.00;-0.00;0.00", System.Globalization.CultureInfo.InvariantCulture);
}
