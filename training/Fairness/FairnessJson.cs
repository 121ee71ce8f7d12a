using MatchEngine.Engine.Domain;
using MatchEngine.Models.Registry;

namespace MatchEngine.Training.Fairness;

/// <summary>A fairness audit as the JSON object of a run's last line and of <c>models list</c>: verdict, refusals, flags and every finding (rounded). Stateless.</summary>
public static class FairnessJson
{
    /// <summary>The object for <paramref name="audit"/> judged at <paramref name="threshold"/>.</summary>
    public static Dictionary<string, object?> Of(FairnessAudit audit, double threshold)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var failures = FairnessGate.Failures(audit, threshold).ToArray();
        var (verdict, notes) = FairnessSummary.Of(audit, threshold);
        return new Dictionary<string, object?>
        {
            ["threshold"] = threshold,
            ["passes"] = failures.Length == 0,
            ["blocked_by"] = failures,
            ["flags"] = FairnessGate.Flags(audit),
            ["summary"] = new[] { verdict, notes },
            ["units"] = audit.Units,
            ["minimum_group_size"] = audit.MinimumGroupSize,
            ["interval"] = Interval(audit),
            ["calibration_bound"] = FairnessGate.CalibrationBound,
            ["findings"] = audit.Findings.Select(f => new Dictionary<string, object?>
            {
                ["lens"] = f.Lens, ["attribute"] = f.Attribute, ["group"] = f.Group, ["size"] = f.Size,
                ["value"] = R(f.Value), ["low"] = R(f.Low), ["high"] = R(f.High), ["too_small"] = f.TooSmall,
            }).ToArray(),
            ["age_bands"] = audit.AgeBands.Select(a => new Dictionary<string, object?>
            {
                ["group"] = a.Group, ["gap"] = R(a.Gap), ["gap_without_age_linked_features"] = R(a.GapWithoutAgeLinked), ["explained"] = R(a.Explained),
            }).ToArray(),
            ["fair_reranking"] = audit.Reranking.Select(r => new Dictionary<string, object?>
            {
                ["attribute"] = r.Attribute, ["share"] = r.Share, ["whole_pool_ndcg@10"] = R(r.Ndcg10), ["fair_whole_pool_ndcg@10"] = R(r.FairNdcg10),
                ["lowest_group"] = r.LowestGroup, ["qualified_exposure_before"] = R(r.LowestBefore), ["qualified_exposure_after"] = R(r.LowestAfter),
                ["lowest_group_after"] = r.WorstAfterGroup, ["qualified_exposure_lowest_after"] = R(r.WorstAfter),
            }).ToArray(),
        };
    }

    /// <summary>
    /// How the audit's intervals were made, in Dutch like the report that shows it, e.g.
    /// "90%-bootstrap, gezamenlijk over de 16 bevindingen die meetellen (elk 99,4%), 1.000 herhalingen".
    /// </summary>
    public static string Interval(FairnessAudit audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var counted = audit.Findings.Count(f => !f.TooSmall);
        var level = $"{Dutch.Percent(audit.Level)}-bootstrap";
        return audit.PerFindingLevel is { } each
            ? $"{level}, gezamenlijk over de {counted} bevindingen die meetellen (elk {Dutch.Number(each * 100)}%), {Dutch.Whole(audit.Replicates)} herhalingen"
            : $"{level}, {Dutch.Whole(audit.Replicates)} herhalingen";
    }

    private static double? R(double x) => double.IsNaN(x) ? null : Math.Round(x, 4);
}
