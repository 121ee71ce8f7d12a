using MatchEngine.Engine.Domain;
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
        report.Heading(2, "Eerlijkheidstoets");
        if (manifest.Fairness is not { } audit)
        {
            WriteLegacy(report, manifest, policy);
            return;
        }
        var (verdict, notes) = FairnessSummary.Of(audit, policy.Threshold);
        report.Paragraph($"**{verdict}.** {notes}.")
            .Paragraph($"Elke cel: waarde ({FairnessJson.Interval(audit)}, over {audit.Units}: de intervallen van de groepen die meetellen, gelden tegelijk), " +
                       "n = groepsgrootte in de eenheid van de lens. " +
                       "Blootstelling (exposure): aandeel in de bovenste plaatsen gedeeld door het aandeel in de pool of onder de geschikte kandidaten (1 = naar " +
                       "verhouding). Gelijke kansen (equal opportunity): van wie werkelijk slaagde, het aandeel bovenaan, gedeeld door dat van de beste groep. " +
                       "Voor de leeftijdsgroepen van de ranker worden beide ook berekend bij gelijke ervaring (jaren in het beroep en de beroepsgroep, maanden in de " +
                       "bijstand en eerdere uitstroom op de mediaan van elke pool gezet), en die tellen voor de toets: ervaring is een kwalificatie die met de leeftijd " +
                       "groeit. Voor de migratieachtergrond bij het routesuccesmodel (leerwerk) worden gelijke kansen ook berekend bij gelijk Nederlands (het taalniveau " +
                       "Nederlands en de marge boven het minimum van de route op de mediaan gezet), en dat telt voor de toets: een route wordt in het Nederlands gegeven. " +
                       "Kalibratie: de gemiddelde voorspelde kans van de groep min haar waargenomen aandeel, verminderd met dat verschil over iedereen (een afwijking " +
                       "die elke groep evenveel verschuift, is de kalibratie van het model, geen behandeling van een groep). Promoveren wordt geblokkeerd als het " +
                       $"interval van een groep voor blootstelling onder de geschikte kandidaten of voor gelijke kansen helemaal onder {N(policy.Threshold)} ligt, of als " +
                       $"het model een groep meer dan {N(FairnessGate.CalibrationBound)} te laag voorspelt met een interval onder nul (tenzij een andere groep van het " +
                       "kenmerk gesignaleerd is: dan is het de andere kant van dat signaal); te hoog voorspellen voorbij die grens wordt gesignaleerd als mogelijk " +
                       "onrecht in de geschiedenis. Blootstelling ten opzichte van de hele pool wordt getoond, niet getoetst. Groepen kleiner dan " +
                       $"{audit.MinimumGroupSize} zijn te klein om mee te tellen. Beschermde kenmerken worden alleen hier gelezen, nooit als kenmerk van een model.");
        string[] lenses = [FairnessLens.PoolExposure, FairnessLens.QualifiedExposure, FairnessLens.QualifiedExposureAtEqualExperience, FairnessLens.EqualOpportunity,
            FairnessLens.EqualOpportunityAtEqualExperience, FairnessLens.EqualOpportunityAtEqualDutch, FairnessLens.Calibration];
        var present = lenses.Where(l => audit.Of(l).Any()).ToArray();
        report.Table(["kenmerk", "groep", .. present, "oordeel"],
            audit.Findings.GroupBy(f => (f.Attribute, f.Group)).Select(g => (IReadOnlyList<string>)
            [
                g.Key.Attribute, g.Key.Group,
                .. present.Select(l => g.FirstOrDefault(f => f.Lens == l) is { } f ? Cell(f) : "–"),
                Verdict(audit, [.. g], policy.Threshold),
            ]));
        if (audit.AgeBands.Count > 0)
        {
            report.Paragraph("Leeftijd is geen kenmerk van de ranker, maar ervaring en de duur in de bijstand groeien met de leeftijd. Per leeftijdsgroep: haar " +
                             "aandeel onder de geschikte kandidaten min haar aandeel in de top 10 (het verschil), hetzelfde verschil als de leeftijdsgebonden kenmerken " +
                             "(jaren ervaring in het beroep en de beroepsgroep, maanden in de bijstand, eerdere uitstroom) op de mediaan van elke pool worden gezet, en " +
                             "het deel van het verschil dat die kenmerken verklaren.")
                .Table(["leeftijdsgroep", "verschil", "verschil zonder leeftijdsgebonden kenmerken", "verklaard"],
                    audit.AgeBands.Select(a => (IReadOnlyList<string>)[a.Group, Signed(a.Gap), Signed(a.GapWithoutAgeLinked), double.IsNaN(a.Explained) ? "–" : Dutch.Percent(a.Explained)]));
        }
        WriteReranking(report, audit);
    }

    private static void WriteReranking(MarkdownReport report, FairnessAudit audit)
    {
        if (audit.Reranking.Count == 0) return;
        report.Paragraph("Eerlijke herschikking (`--fair-exposure ATTRIBUTE`, de deterministische greedy herschikking van LinkedIn; `docs/fairness.md`) van " +
                         "dezelfde shortlists over de hele pool: elke groep van het kenmerk krijgt in de top 10 minstens het getoonde deel van haar aandeel onder de " +
                         "geschikte kandidaten. Wat dat kost aan NDCG@10 over de hele pool op de vastgelegde uitkomsten, de blootstellingsverhouding onder geschikte " +
                         "kandidaten van de groep die zonder herschikking het laagst staat, en de groep die met herschikking het laagst staat (alleen groepen die meetellen).")
            .Table(["kenmerk", "aandeel", "ndcg@10", "met eerlijke herschikking", "laagste groep", "verhouding vóór", "verhouding na", "laagste na", "haar verhouding"],
                audit.Reranking.Select(r => (IReadOnlyList<string>)[r.Attribute, N(r.Share), MarkdownReport.Number(r.Ndcg10, 4), MarkdownReport.Number(r.FairNdcg10, 4),
                    r.LowestGroup, N(r.LowestBefore), N(r.LowestAfter), r.WorstAfterGroup == "" ? "–" : r.WorstAfterGroup, N(r.WorstAfter)]));
    }

    private static string Cell(FairnessFinding f) =>
        double.IsNaN(f.Value) ? $"– (n={Dutch.Whole(f.Size)})"
        : f.Lens == FairnessLens.Calibration ? $"{Signed(f.Value)} ({Signed(f.Low)} tot {Signed(f.High)}), n={Dutch.Whole(f.Size)}"
        : $"{N(f.Value)} ({N(f.Low)}–{N(f.High)}), n={Dutch.Whole(f.Size)}";

    private static string Verdict(FairnessAudit audit, IReadOnlyList<FairnessFinding> findings, double threshold)
    {
        if (findings.All(f => f.TooSmall)) return "te klein om mee te tellen";
        var blocks = findings.Where(f => !f.TooSmall && (audit.IsGatedRatio(f) && !(f.High >= threshold) || FairnessGate.UnderPredicts(f) && !FairnessGate.MirrorsAFlag(audit, f)))
            .Select(f => $"**blokkeert** ({f.Lens})");
        var flags = findings.Where(f => !f.TooSmall && FairnessGate.OverPredicts(f)).Select(_ => "signaal: te hoog voorspeld (mogelijk onrecht in de geschiedenis)");
        var small = findings.Where(f => f.TooSmall).Select(f => $"{f.Lens} te klein");
        var said = blocks.Concat(flags).Concat(small).ToArray();
        return said.Length == 0 ? "voldoet" : string.Join("; ", said);
    }

    private static void WriteLegacy(MarkdownReport report, ModelManifest manifest, FairnessPolicy policy)
    {
        var cells = manifest.Metrics.Where(m => m.Key.StartsWith("fairness.", StringComparison.Ordinal))
            .Select(m => (Parts: m.Key["fairness.".Length..].Split('.'), m.Value)).Where(x => x.Parts.Length >= 3)
            .Select(x => (Attribute: x.Parts[0], Group: string.Join('.', x.Parts[1..^1]), Measure: x.Parts[^1], x.Value)).ToArray();
        if (cells.Length == 0)
        {
            report.Paragraph("Dit model heeft geen eerlijkheidstoets in zijn manifest.");
            return;
        }
        var gate = FairnessGate.Refusal(manifest, policy);
        report.Paragraph($"Een toets van vóór de drie lenzen (selectieverhoudingen, geen intervallen). {(gate is null ? "Voldoet aan de eerlijkheidstoets." : $"**Geblokkeerd:** {gate}.")}");
        var measures = cells.Select(c => c.Measure).Distinct().ToArray();
        report.Table(["kenmerk", "groep", .. measures],
            cells.GroupBy(c => (c.Attribute, c.Group)).OrderBy(g => g.Key.Attribute, StringComparer.Ordinal).ThenBy(g => g.Key.Group, StringComparer.Ordinal)
                .Select(g => (IReadOnlyList<string>)[g.Key.Attribute, g.Key.Group,
                    .. measures.Select(m => g.FirstOrDefault(c => c.Measure == m) is { Measure: not null } c ? MarkdownReport.Number(c.Value, 3) : "–")]));
    }

    private static string N(double x) => MarkdownReport.Number(x, 2);

    private static string Signed(double x) => MarkdownReport.Signed(x);
}
