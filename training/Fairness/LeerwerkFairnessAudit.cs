using MatchEngine.Engine.Domain;
using MatchEngine.Models.Registry;

namespace MatchEngine.Training.Fairness;

/// <summary>
/// Audits the route-success (leerwerk) model by protected attribute (age band at the start, gender, migration background) on
/// held-out placements with a route, resampled by placement. A high predicted success opens a route, so:
/// <list type="bullet">
/// <item>exposure: each group's share of the placements in the top <see cref="RecommendedShare"/> of predicted success against its share (reported);</item>
/// <item>equal opportunity: of the group's placements whose route succeeded, the share in that top, as a ratio to the best group's;</item>
/// <item>calibration: mean predicted success against the observed success rate. Under-predicting a group keeps routes from it.</item>
/// </list>
/// </summary>
public static class LeerwerkFairnessAudit
{
    /// <summary>The share of held-out placements with the highest predicted success counted as "a route recommended".</summary>
    public const double RecommendedShare = 0.3;

    /// <summary>The audit of predictions <paramref name="predicted"/> for <paramref name="cases"/> (candidate, start, observed success).</summary>
    public static FairnessAudit Audit(IReadOnlyList<(Candidate Candidate, DateOnly Start, bool Succeeded)> cases, IReadOnlyList<double> predicted, int seed)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(predicted);
        var top = HerinstroomFairnessAudit.TopShare(predicted, RecommendedShare);
        var tally = new FairnessTally();
        for (var i = 0; i < cases.Count; i++)
        {
            tally.NextUnit();
            var (candidate, start, succeeded) = cases[i];
            foreach (var group in ProtectedGroups.Of(candidate, start))
            {
                tally.Add(group, Tallied.Pool);
                tally.Add(group, Tallied.PoolExpected);
                if (top.Contains(i)) tally.Add(group, Tallied.Exposed);
                if (succeeded)
                {
                    tally.Add(group, Tallied.Succeeded);
                    if (top.Contains(i)) tally.Add(group, Tallied.SucceededExposed);
                }
                tally.Add(group, Tallied.Cases);
                tally.Add(group, Tallied.Predicted, predicted[i]);
                tally.Add(group, Tallied.Observed, succeeded ? 1 : 0);
            }
        }
        return FairnessLenses.Audit(tally, "held-out placements with a route", seed);
    }
}
