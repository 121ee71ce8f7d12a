using MatchEngine.Engine.Domain;
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
            rows.Add((m.Version == subject ? $"**{m.Kind}** (deze versie)" : m.Version == registry.Promoted(m.Name) ? $"{m.Kind} (gepromoveerd)" : m.Kind, m.Version, risk,
                HerinstroomEvaluation.Evaluate(time, @event, risk)));
        }
        var km = KaplanMeier.Fit([.. holdout.Train.Select(c => c.Obs.Months)], [.. holdout.Train.Select(c => c.Obs.Event)]);
        double[] constant = [.. time.Select(_ => 1 - km.Survival(t))];
        rows.Add(("Kaplan–Meier (zelfde risico voor iedereen)", Baseline, constant, HerinstroomEvaluation.Evaluate(time, @event, constant)));

        var report = new MarkdownReport();
        ReportHeader.Write(report, registry, manifest, purpose,
            $"{Dutch.Whole(holdout.Test.Count)} plaatsingen, gestart op of na {Dutch.Date(holdout.SplitDate)} en gevolgd tot {Dutch.Date(holdout.AsOf)} " +
            $"({Dutch.Whole(@event.Count(e => e))} met herinstroom)");
        report.Heading(2, "Metrieken op 12 maanden (achtergehouden plaatsingen)")
            .Paragraph("Harrells C op het risico binnen 12 maanden; cumulatieve/dynamische AUC en Brier-score op 12 maanden met censureringsgewichten (IPCW); " +
                       "kalibratieverschil = het grootste |waargenomen (Kaplan–Meier) − gemiddeld voorspeld| over de risicodecielen.")
            .Table(["model", "versie", "c-index", "auc 12 mnd", "brier 12 mnd", "grootste kalibratieverschil"],
                rows.Select(r => (IReadOnlyList<string>)[r.Name, r.Version, N(r.Metrics.CIndex), N(r.Metrics.Auc12), N(r.Metrics.Brier12), N(r.Metrics.MaxDecileGap)]));

        var subjectRow = rows[0];
        Plots.Calibration(Path.Combine(dir, "calibration.png"), $"{subject}: kalibratie op 12 maanden per risicodeciel", "P(herinstroom ≤ 12 maanden)",
            [.. rows.Where(r => r.Version != Baseline).Select(r => (r.Version, r.Metrics.DecilePredicted, r.Metrics.DecileObserved))]);
        report.Heading(2, "Kalibratie").Image("calibration.png", "kalibratie per deciel")
            .Table(["deciel", "voorspeld", "waargenomen (Kaplan–Meier)", "verschil"],
                subjectRow.Metrics.DecilePredicted.Select((p, i) => (IReadOnlyList<string>)
                    [(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), N(p), N(subjectRow.Metrics.DecileObserved[i]), N(subjectRow.Metrics.DecileGaps[i])]));

        var order = Enumerable.Range(0, time.Length).OrderBy(i => subjectRow.Risk[i]).ThenBy(i => i).ToArray();
        string[] names = ["laagste derde", "middelste derde", "hoogste derde"];
        var curves = new List<(string, IReadOnlyList<double>, IReadOnlyList<double>)>();
        var tertileRows = new List<IReadOnlyList<string>>();
        for (var g = 0; g < 3; g++)
        {
            var members = order[(g * order.Length / 3)..((g + 1) * order.Length / 3)];
            var fit = KaplanMeier.Fit([.. members.Select(i => time[i])], [.. members.Select(i => @event[i])]);
            curves.Add((names[g], [0.0, .. fit.Times], [0.0, .. fit.Times.Select(m => 1 - fit.Survival(m))]));
            tertileRows.Add([names[g], Dutch.Whole(members.Length), N(members.Average(i => subjectRow.Risk[i])),
                N(1 - fit.Survival(6)), N(1 - fit.Survival(t)), N(1 - fit.Survival(24))]);
        }
        Plots.Steps(Path.Combine(dir, "kaplan_meier_by_risk.png"), $"{subject}: herinstroom per voorspelde risicogroep (Kaplan–Meier)", "maanden sinds de start van de baan",
            "aandeel terug in de bijstand", curves);
        report.Heading(2, "Kaplan–Meier-curves per voorspelde risicogroep")
            .Paragraph("De achtergehouden plaatsingen zijn in drie even grote groepen verdeeld naar het risico binnen 12 maanden volgens dit model; elke curve is het waargenomen aandeel " +
                       "terug in de bijstand (1 − Kaplan–Meier-overleving). Curves die uit elkaar lopen en op volgorde blijven, betekenen dat de rangorde van het risico " +
                       "in de tijd standhoudt.")
            .Image("kaplan_meier_by_risk.png", "Kaplan–Meier per risicogroep")
            .Table(["groep", "plaatsingen", "gemiddeld voorspeld 12 mnd", "waargenomen 6 mnd", "waargenomen 12 mnd", "waargenomen 24 mnd"], tertileRows);

        FairnessTable.Write(report, manifest, registry.Fairness);
        ReportHeader.WriteActions(report, manifest);
        return new ModelReport(report.Save(dir), report.Text,
            rows.ToDictionary(r => r.Version == subject ? "this" : r.Version == Baseline ? "baseline" : r.Version, r => (IReadOnlyDictionary<string, double>)new Dictionary<string, double>
            {
                ["c_index"] = r.Metrics.CIndex, ["auc_12m"] = r.Metrics.Auc12, ["brier_12m"] = r.Metrics.Brier12, ["calibration_max_gap_12m"] = r.Metrics.MaxDecileGap,
            }));
    }

    /// <summary>The version column of the no-skill baseline's row.</summary>
    private const string Baseline = "basislijn";

    private static string N(double value) => MarkdownReport.Number(value);
}
