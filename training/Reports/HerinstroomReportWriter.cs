using MatchEngine.Engine.Risk;
using MatchEngine.Models.Herinstroom;
using MatchEngine.Models.Registry;
using MatchEngine.Models.Survival;
using MatchEngine.Training.Herinstroom;

namespace MatchEngine.Training.Reports;

/// <summary>
/// The herinstroom report: held-out C-index, AUC and Brier at 12 months of the version against the others of its run,
/// the version promoted before and a no-skill baseline (everyone gets the training Kaplan–Meier risk); calibration per
/// risk decile against Kaplan–Meier; Kaplan–Meier curves per predicted risk tertile; the fairness audit.
/// </summary>
public sealed class HerinstroomReportWriter(ModelRegistry registry)
{
    /// <summary>Writes the report of <paramref name="subject"/>, compared with <paramref name="others"/> (the promoted version is added when missing).</summary>
    public ModelReport Write(string subject, IReadOnlyList<string> others, HerinstroomHoldout holdout, string purpose)
    {
        ArgumentNullException.ThrowIfNull(holdout);
        ArgumentNullException.ThrowIfNull(others);
        var manifest = registry.Get(subject) ?? throw new InvalidOperationException($"modelversie '{subject}' bestaat niet");
        var dir = registry.DirectoryOf(subject);
        var (x, time, @event) = (holdout.TestX, holdout.TestTime, holdout.TestEvent);
        var t = HerinstroomHorizons.Evaluation;
        var versions = others.Append(registry.Promoted(HerinstroomModels.Name)).OfType<string>().Where(v => v != subject).Distinct(StringComparer.Ordinal).Prepend(subject);
        var rows = new List<(string Name, string Version, double[] Risk, HerinstroomMetrics Metrics)>();
        foreach (var m in versions.Select(registry.Get).OfType<ModelManifest>())
        {
            double[] risk = [.. HerinstroomModels.Load(m, registry.DirectoryOf(m.Version)).Risk.Predict(x).Select(c => c.At(t))];
            rows.Add((m.Version == subject ? $"**{m.Kind}** (this)" : m.Version == registry.Promoted(m.Name) ? $"{m.Kind} (promoted)" : m.Kind, m.Version, risk,
                HerinstroomEvaluation.Evaluate(time, @event, risk)));
        }
        var km = KaplanMeier.Fit([.. holdout.Train.Select(c => c.Obs.Months)], [.. holdout.Train.Select(c => c.Obs.Event)]);
        double[] constant = [.. time.Select(_ => 1 - km.Survival(t))];
        rows.Add(("Kaplan–Meier (same risk for all)", "baseline", constant, HerinstroomEvaluation.Evaluate(time, @event, constant)));

        var report = new MarkdownReport();
        ReportHeader.Write(report, registry, manifest, purpose,
            $"{holdout.Test.Count} placements started on or after {holdout.SplitDate:yyyy-MM-dd}, observed until {holdout.AsOf:yyyy-MM-dd} ({@event.Count(e => e)} herinstroom)");
        report.Heading(2, "Held-out metrics at 12 months")
            .Paragraph("Harrell's C on the 12-month risk; cumulative/dynamic AUC and Brier score at 12 months with censoring weights (IPCW); " +
                       "calibration gap = the largest |observed (Kaplan–Meier) − mean predicted| over risk deciles.")
            .Table(["model", "version", "c-index", "auc 12m", "brier 12m", "max calibration gap"],
                rows.Select(r => (IReadOnlyList<string>)[r.Name, r.Version, N(r.Metrics.CIndex), N(r.Metrics.Auc12), N(r.Metrics.Brier12), N(r.Metrics.MaxDecileGap)]));

        var subjectRow = rows[0];
        Plots.Calibration(Path.Combine(dir, "calibration.png"), $"{subject}: calibration at 12 months per risk decile", "P(herinstroom ≤ 12 months)",
            [.. rows.Where(r => r.Version != "baseline").Select(r => (r.Version, r.Metrics.DecilePredicted, r.Metrics.DecileObserved))]);
        report.Heading(2, "Calibration").Image("calibration.png", "calibration per decile")
            .Table(["decile", "predicted", "observed (Kaplan–Meier)", "gap"],
                subjectRow.Metrics.DecilePredicted.Select((p, i) => (IReadOnlyList<string>)
                    [(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), N(p), N(subjectRow.Metrics.DecileObserved[i]), N(subjectRow.Metrics.DecileGaps[i])]));

        var order = Enumerable.Range(0, time.Length).OrderBy(i => subjectRow.Risk[i]).ThenBy(i => i).ToArray();
        string[] names = ["low risk", "middle risk", "high risk"];
        var curves = new List<(string, IReadOnlyList<double>, IReadOnlyList<double>)>();
        var tertileRows = new List<IReadOnlyList<string>>();
        for (var g = 0; g < 3; g++)
        {
            var members = order[(g * order.Length / 3)..((g + 1) * order.Length / 3)];
            var fit = KaplanMeier.Fit([.. members.Select(i => time[i])], [.. members.Select(i => @event[i])]);
            curves.Add((names[g], [0.0, .. fit.Times], [0.0, .. fit.Times.Select(m => 1 - fit.Survival(m))]));
            tertileRows.Add([names[g], members.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), N(members.Average(i => subjectRow.Risk[i])),
                N(1 - fit.Survival(6)), N(1 - fit.Survival(t)), N(1 - fit.Survival(24))]);
        }
        Plots.Steps(Path.Combine(dir, "kaplan_meier_by_risk.png"), $"{subject}: herinstroom by predicted risk group (Kaplan–Meier)", "months since the start of the job",
            "share back in the bijstand", curves);
        report.Heading(2, "Kaplan–Meier curves by predicted risk group")
            .Paragraph("The held-out placements split into thirds by this model's 12-month risk; each curve is the observed share back in the bijstand (1 − Kaplan–Meier survival). " +
                       "Curves that separate and stay in order mean the ranking of risk holds over time.")
            .Image("kaplan_meier_by_risk.png", "Kaplan–Meier by risk group")
            .Table(["group", "placements", "mean predicted 12m", "observed 6m", "observed 12m", "observed 24m"], tertileRows);

        FairnessTable.Write(report, manifest, registry.Fairness);
        ReportHeader.WriteActions(report, manifest);
        return new ModelReport(report.Save(dir), report.Text,
            rows.ToDictionary(r => r.Version == subject ? "this" : r.Version, r => (IReadOnlyDictionary<string, double>)new Dictionary<string, double>
            {
                ["c_index"] = r.Metrics.CIndex, ["auc_12m"] = r.Metrics.Auc12, ["brier_12m"] = r.Metrics.Brier12, ["calibration_max_gap_12m"] = r.Metrics.MaxDecileGap,
            }));
    }

    private static string N(double value) => MarkdownReport.Number(value);
}
