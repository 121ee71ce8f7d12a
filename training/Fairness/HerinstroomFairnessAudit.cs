using MatchEngine.Engine.Domain;
using MatchEngine.Models.Registry;
using MatchEngine.Engine.Risk;

namespace MatchEngine.Training.Fairness;

/// <summary>
/// Audits a herinstroom model by protected attribute (age band at the start, gender, migration background) on held-out
/// placements, resampled by placement. Flagging for nazorg is a benefit, so:
/// <list type="bullet">
/// <item>exposure: each group's share of the placements flagged for nazorg (the top <see cref="FlaggedShare"/> of 12-month risk) against its share of the placements (reported);</item>
/// <item>equal opportunity: of the group's placements with herinstroom within 12 months, the share flagged, as a ratio to the best group's;</item>
/// <item>calibration: mean predicted 12-month risk against the observed 12-month herinstroom, on the placements whose 12-month outcome is known
/// (herinstroom within 12 months, or followed for 12). A model that under-predicts a group's risk withholds nazorg from it.</item>
/// </list>
/// </summary>
public static class HerinstroomFairnessAudit
{
    /// <summary>The share of held-out placements with the highest 12-month risk counted as "flagged for nazorg".</summary>
    public const double FlaggedShare = 0.3;

    /// <summary>The horizon of the audit, in months.</summary>
    public const double Horizon = 12;

    /// <summary>The audit of the 12-month risks <paramref name="risk12"/> of <paramref name="cases"/>.</summary>
    public static FairnessAudit Audit(IReadOnlyList<(Candidate Candidate, DateOnly Start, SurvivalObservation Obs)> cases, IReadOnlyList<double> risk12, int seed)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(risk12);
        var flagged = TopShare(risk12, FlaggedShare);
        var tally = new FairnessTally();
        for (var i = 0; i < cases.Count; i++)
        {
            tally.NextUnit();
            var (candidate, start, obs) = cases[i];
            var returned = obs.Event && obs.Months <= Horizon;
            var known = returned || obs.Months >= Horizon;
            foreach (var group in ProtectedGroups.Of(candidate, start))
            {
                tally.Add(group, Tallied.Pool);
                tally.Add(group, Tallied.PoolExpected);
                if (flagged.Contains(i)) tally.Add(group, Tallied.Exposed);
                if (returned)
                {
                    tally.Add(group, Tallied.Succeeded);
                    if (flagged.Contains(i)) tally.Add(group, Tallied.SucceededExposed);
                }
                if (!known) continue;
                tally.Add(group, Tallied.Cases);
                tally.Add(group, Tallied.Predicted, risk12[i]);
                tally.Add(group, Tallied.Observed, returned ? 1 : 0);
            }
        }
        return FairnessLenses.Audit(tally, "achtergehouden plaatsingen", seed);
    }

    /// <summary>The indexes of the top <paramref name="share"/> of <paramref name="scores"/> (ties by index).</summary>
    public static HashSet<int> TopShare(IReadOnlyList<double> scores, double share)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return [.. Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ThenBy(i => i).Take((int)Math.Ceiling(scores.Count * share))];
    }
}
