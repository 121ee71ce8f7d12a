using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Leerwerk;
using MatchEngine.Models.Herinstroom;
using MatchEngine.Models.Registry;
using MatchEngine.Training.Leerwerk;

namespace MatchEngine.Training.Reports;

/// <summary>
/// The leerwerk (route-success) report: held-out AUC and Brier of the version against the promoted one and the base
/// rate, and calibration by quintile; the fairness audit (<see cref="Fairness.LeerwerkFairnessAudit"/>) from the manifest.
/// </summary>
public sealed class LeerwerkReportWriter(ModelRegistry registry)
{
    /// <summary>Writes the report of <paramref name="subject"/>, compared with <paramref name="others"/> and the promoted version when it is another.</summary>
    public ModelReport Write(string subject, IReadOnlyList<string> others, RouteSuccessHoldout holdout, string purpose)
    {
        ArgumentNullException.ThrowIfNull(holdout);
        var manifest = registry.Get(subject) ?? throw new InvalidOperationException($"modelversie '{subject}' bestaat niet");
        var dir = registry.DirectoryOf(subject);
        double[][] x = [.. holdout.Test.Select(r => r.Features)];
        bool[] labels = [.. holdout.Test.Select(r => r.Label)];
        var baseRate = holdout.Train.Average(r => r.Label ? 1.0 : 0.0);
        var rows = new List<(string Name, string Version, double[] Predicted)>();
        foreach (var m in others.Prepend(subject).Append(registry.Promoted(RouteSuccessModels.Name)).OfType<string>().Distinct(StringComparer.Ordinal).Select(registry.Get).OfType<ModelManifest>())
            rows.Add((m.Version == subject ? "**routesucces** (deze versie)" : m.Version == registry.Promoted(m.Name) ? "routesucces (gepromoveerd)" : "routesucces", m.Version,
                HorizonClassifier.Load(Path.Combine(registry.DirectoryOf(m.Version), RouteSuccessModels.FileName), m.Features.Count, 12).Predict(x)));
        rows.Add(("basiskans", Baseline, [.. labels.Select(_ => baseRate)]));

        var report = new MarkdownReport();
        ReportHeader.Write(report, registry, manifest, purpose,
            $"{Dutch.Whole(holdout.Test.Count)} plaatsingen met een route, de laatst gestarte; uitkomsten bekend op {Dutch.Date(holdout.AsOf)}");
        report.Heading(2, "Metrieken (achtergehouden plaatsingen)")
            .Paragraph("Succes = de route afgerond en de persoon 12 maanden na de start nog aan het werk, zonder herinstroom.")
            .Table(["model", "versie", "auc", "brier"], rows.Select(r => (IReadOnlyList<string>)
                [r.Name, r.Version, N(RouteSuccessEvaluation.Auc(r.Predicted, labels)), N(RouteSuccessEvaluation.Brier(r.Predicted, labels))]));
        var calibration = rows.Where(r => r.Version != Baseline).Select(r => (r.Version, RouteSuccessEvaluation.Calibration(r.Predicted, labels))).ToArray();
        Plots.Calibration(Path.Combine(dir, "calibration.png"), $"{subject}: kalibratie per kwintiel", "P(succes)",
            [.. calibration.Select(c => (c.Version, (IReadOnlyList<double>)[.. c.Item2.Select(q => q.Predicted)], (IReadOnlyList<double>)[.. c.Item2.Select(q => q.Observed)]))]);
        report.Heading(2, "Kalibratie").Image("calibration.png", "kalibratie per kwintiel")
            .Table(["kwintiel", "plaatsingen", "voorspeld", "waargenomen"], calibration[0].Item2.Select((q, i) => (IReadOnlyList<string>)
            [
                (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Dutch.Whole(q.Count),
                N(q.Predicted),
                N(q.Observed),
            ]));
        FairnessTable.Write(report, manifest, registry.Fairness);
        ReportHeader.WriteActions(report, manifest);
        return new ModelReport(report.Save(dir), report.Text,
            rows.ToDictionary(r => r.Version == subject ? "this" : r.Version == Baseline ? "base_rate" : r.Version, r => (IReadOnlyDictionary<string, double>)new Dictionary<string, double>
            {
                ["auc"] = RouteSuccessEvaluation.Auc(r.Predicted, labels), ["brier"] = RouteSuccessEvaluation.Brier(r.Predicted, labels),
            }));
    }

    /// <summary>The version column of the base rate's row.</summary>
    private const string Baseline = "basislijn";

    private static string N(double value) => MarkdownReport.Number(value);
}
