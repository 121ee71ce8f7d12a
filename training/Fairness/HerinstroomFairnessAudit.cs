using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Risk;
using MatchEngine.Models.Survival;

namespace MatchEngine.Training.Fairness;

/// <summary>One group's herinstroom fairness at 12 months: who gets flagged for nazorg, and calibration.</summary>
/// <param name="TruePositiveRate">Of the group's held-out placements with herinstroom within 12 months, the share the model flagged (top <see cref="HerinstroomFairnessAudit.FlaggedShare"/> of risk).</param>
/// <param name="TprRatio">That rate as a share of the best group's (1 = parity).</param>
/// <param name="CalibrationGap">Mean predicted 12-month risk minus the group's Kaplan–Meier 12-month herinstroom.</param>
public sealed record HerinstroomFairnessGroup(string Attribute, string Group, int Placements, int Events12, double TruePositiveRate, double TprRatio,
    double MeanPredicted, double Observed, double CalibrationGap);

/// <summary>The herinstroom fairness table, the lowest TPR ratio among groups large enough to count, and the threshold.</summary>
public sealed record HerinstroomFairnessReport(IReadOnlyList<HerinstroomFairnessGroup> Groups, double MinTprRatio, double MaxCalibrationGap, double Threshold)
{
    public bool Passes => MinTprRatio >= Threshold;
}

/// <summary>
/// Audits a herinstroom model by protected attribute (age band, gender, migration background): flagging
/// for nazorg is a benefit, so every group should see its people who will return flagged at a similar rate
/// (true-positive rate), and the predicted risk should match what happens in each group (calibration).
/// </summary>
public static class HerinstroomFairnessAudit
{
    /// <summary>The share of held-out placements with the highest 12-month risk counted as "flagged for nazorg".</summary>
    public const double FlaggedShare = 0.3;

    /// <summary>Smallest number of 12-month events for a group's TPR to count toward the minimum ratio.</summary>
    public const int MinimumEvents = 15;

    public static HerinstroomFairnessReport Audit(IReadOnlyList<(Candidate Candidate, DateOnly Start, SurvivalObservation Obs)> cases, IReadOnlyList<double> risk12, double threshold)
    {
        var cutoff = risk12.OrderDescending().ElementAt(Math.Max(0, (int)(risk12.Count * FlaggedShare) - 1));
        var groups = new List<HerinstroomFairnessGroup>();
        foreach (var attribute in new[] { "age_band", "gender", "migration_background" })
        {
            var byGroup = cases.Select((c, i) => (Key: GroupOf(attribute, c.Candidate, c.Start), i)).GroupBy(x => x.Key).OrderBy(g => g.Key, StringComparer.Ordinal);
            var rows = new List<HerinstroomFairnessGroup>();
            foreach (var g in byGroup)
            {
                var idx = g.Select(x => x.i).ToArray();
                var events = idx.Where(i => cases[i].Obs.Event && cases[i].Obs.Months <= 12).ToArray();
                var tpr = events.Length == 0 ? 0 : events.Count(i => risk12[i] >= cutoff) / (double)events.Length;
                var km = KaplanMeier.Fit(idx.Select(i => cases[i].Obs.Months).ToArray(), idx.Select(i => cases[i].Obs.Event).ToArray());
                var observed = 1 - km.Survival(12);
                var predicted = idx.Average(i => risk12[i]);
                rows.Add(new HerinstroomFairnessGroup(attribute, g.Key, idx.Length, events.Length, tpr, 0, predicted, observed, predicted - observed));
            }
            var best = rows.Where(r => r.Events12 >= MinimumEvents).Select(r => r.TruePositiveRate).DefaultIfEmpty(0).Max();
            groups.AddRange(rows.Select(r => r with { TprRatio = best == 0 ? 1 : r.TruePositiveRate / best }));
        }
        var counted = groups.Where(g => g.Events12 >= MinimumEvents).ToArray();
        return new HerinstroomFairnessReport(groups, counted.Select(g => g.TprRatio).DefaultIfEmpty(1).Min(),
            counted.Select(g => Math.Abs(g.CalibrationGap)).DefaultIfEmpty(0).Max(), threshold);
    }

    private static string GroupOf(string attribute, Candidate c, DateOnly day) => attribute switch
    {
        "age_band" => HerinstroomFeatures.AgeBand(c, day) switch { 0 => "<25", 1 => "25-35", 2 => "35-45", 3 => "45-55", _ => "55+" },
        "gender" => c.Protected?.Gender ?? "unknown",
        _ => c.Protected?.MigrationBackground ?? "unknown",
    };
}
