using MatchEngine.Models.Registry;

namespace MatchEngine.Training.Reports;

/// <summary>
/// The fairness audit a run stored in a manifest (<c>fairness.&lt;attribute&gt;.&lt;group&gt;.&lt;measure&gt;</c> metrics and
/// the summary <c>fairness.min_ratio</c>/<c>fairness.threshold</c>), written as a report section. Stateless.
/// </summary>
public static class FairnessTable
{
    /// <summary>Adds the fairness section of <paramref name="manifest"/> to <paramref name="report"/>, judged by <paramref name="policy"/>.</summary>
    public static void Write(MarkdownReport report, ModelManifest manifest, FairnessPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(manifest);
        report.Heading(2, "Fairness audit");
        var cells = manifest.Metrics.Where(m => m.Key.StartsWith("fairness.", StringComparison.Ordinal))
            .Select(m => (Parts: m.Key["fairness.".Length..].Split('.'), m.Value)).Where(x => x.Parts.Length >= 3)
            .Select(x => (Attribute: x.Parts[0], Group: string.Join('.', x.Parts[1..^1]), Measure: x.Parts[^1], x.Value)).ToArray();
        if (cells.Length == 0)
        {
            report.Paragraph("This model has no fairness audit in its manifest.");
            return;
        }
        var summary = manifest.Metrics.Where(m => m.Key.StartsWith("fairness.", StringComparison.Ordinal) && m.Key.Count(c => c == '.') == 1)
            .OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key["fairness.".Length..]} {MarkdownReport.Number(m.Value, 3)}");
        var gate = FairnessGate.Refusal(manifest, policy);
        report.Paragraph($"{string.Join("; ", summary)}. {(gate is null ? "Passes the promotion gate." : $"**Blocked:** {gate}.")} " +
                         "Protected attributes are read only here, never as features.");
        var measures = cells.Select(c => c.Measure).Distinct().ToArray();
        report.Table(["attribute", "group", .. measures],
            cells.GroupBy(c => (c.Attribute, c.Group)).OrderBy(g => g.Key.Attribute, StringComparer.Ordinal).ThenBy(g => g.Key.Group, StringComparer.Ordinal)
                .Select(g => (IReadOnlyList<string>)[g.Key.Attribute, g.Key.Group, .. measures.Select(m => g.FirstOrDefault(c => c.Measure == m) is { Measure: not null } c ? MarkdownReport.Number(c.Value, 3) : "–")]));
    }
}
