using MatchEngine.Engine.Domain;
using MatchEngine.Models.Registry;

namespace MatchEngine.Training.Fairness;

/// <summary>
/// One audited placement with a route: the candidate, the start, whether the route succeeded, the predicted success, and the
/// predicted success with the Dutch language level equal for everyone.
/// </summary>
public sealed record AuditedRoute(Candidate Candidate, DateOnly Start, bool Succeeded, double Predicted, double PredictedAtEqualDutch);

/// <summary>
/// Audits the route-success (leerwerk) model by protected attribute (age band at the start, gender, migration background) on
/// placements with a route predicted out of time (<see cref="Leerwerk.RouteSuccessBacktest"/>: the later half of the placements, each
/// block by a model trained on the placements that started before it), resampled by placement. A high predicted success opens a route, so:
/// <list type="bullet">
/// <item>exposure: each group's share of the placements in the top <see cref="RecommendedShare"/> of predicted success against its share (reported);</item>
/// <item>equal opportunity: of the group's placements whose route succeeded, the share in that top, as a ratio to the best group's.
/// For migration background also at equal Dutch (gated in its place): a route is taught in Dutch, and how far a candidate's Dutch
/// lies above the route's minimum is a qualification for it, as experience is for a job;</item>
/// <item>calibration: mean predicted success against the observed success rate. Under-predicting a group keeps routes from it.</item>
/// </list>
/// </summary>
public static class LeerwerkFairnessAudit
{
    /// <summary>The share of audited placements with the highest predicted success counted as "a route recommended".</summary>
    public const double RecommendedShare = 0.3;

    /// <summary>The audit of <paramref name="cases"/>.</summary>
    public static FairnessAudit Audit(IReadOnlyList<AuditedRoute> cases, int seed)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var top = HerinstroomFairnessAudit.TopShare([.. cases.Select(c => c.Predicted)], RecommendedShare);
        var topAtEqualDutch = HerinstroomFairnessAudit.TopShare([.. cases.Select(c => c.PredictedAtEqualDutch)], RecommendedShare);
        var tally = new FairnessTally();
        for (var i = 0; i < cases.Count; i++)
        {
            tally.NextUnit();
            var c = cases[i];
            foreach (var group in ProtectedGroups.Of(c.Candidate, c.Start))
            {
                var language = group.Attribute == ProtectedGroups.MigrationBackground;
                tally.Add(group, Tallied.Pool);
                tally.Add(group, Tallied.PoolExpected);
                if (top.Contains(i)) tally.Add(group, Tallied.Exposed);
                if (language && topAtEqualDutch.Contains(i)) tally.Add(group, Tallied.ExposedAtEqualDutch);
                if (c.Succeeded)
                {
                    tally.Add(group, Tallied.Succeeded);
                    if (top.Contains(i)) tally.Add(group, Tallied.SucceededExposed);
                    if (language && topAtEqualDutch.Contains(i)) tally.Add(group, Tallied.SucceededExposedAtEqualDutch);
                }
                tally.Add(group, Tallied.Cases);
                tally.Add(group, Tallied.Predicted, c.Predicted);
                tally.Add(group, Tallied.Observed, c.Succeeded ? 1 : 0);
            }
        }
        return FairnessLenses.Audit(tally, "plaatsingen met een route, de later gestarte helft, elk voorspeld door een model getraind op de plaatsingen ervoor", seed);
    }
}
