using MatchEngine.Engine.Matching;
using MatchEngine.Models.Registry;
using MatchEngine.Training.Ranking;

namespace MatchEngine.Training.Reports;

/// <summary>
/// The ranker's report: held-out metrics (plain and IPS) of the version against the others of its run, the version
/// promoted before and the baselines, all on the same held-out vacancies; NDCG@10 per sector; permutation feature
/// importance; the fairness audit. Writes <c>report.md</c> and PNGs into the version's directory.
/// </summary>
public sealed class RankerReportWriter(ModelRegistry registry, TextWriter progress)
{
    /// <summary>Writes the report of <paramref name="subject"/>, compared with <paramref name="others"/> (versions; the promoted one is added when missing).</summary>
    public ModelReport Write(string subject, IReadOnlyList<string> others, RankerEvaluator evaluator, string purpose, int seed)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(others);
        var manifest = registry.Get(subject) ?? throw new InvalidOperationException($"model version '{subject}' does not exist");
        var dir = registry.DirectoryOf(subject);
        var compared = others.Append(registry.Promoted(RankerModels.Name)).OfType<string>().Where(v => v != subject).Distinct(StringComparer.Ordinal).ToArray();
        var scorers = new List<RankerScorer> { Scorer(subject, manifest), RankerScorer.Rule, RankerScorer.Bm25 };
        scorers.AddRange(compared.Select(v => registry.Get(v)).OfType<ModelManifest>().Select(m => Scorer(m.Version, m)));
        var results = scorers.Select(evaluator.Evaluate).ToArray();

        var report = new MarkdownReport();
        var h = evaluator.Holdout;
        ReportHeader.Write(report, registry, manifest, purpose,
            $"{h.Test.Count} vacancies first seen on or after {h.SplitDate:yyyy-MM-dd} ({h.Test.Sum(g => g.CandidateIds.Count)} logged pairs, up to {RankerHoldout.ExtraNegatives} unproposed retrieved candidates added for recall@50)");
        report.Heading(2, "Held-out metrics")
            .Paragraph("All rows are scored on the same held-out vacancies. NDCG and MAP over the candidates actually proposed (their outcome is known: " +
                       "hired 2, invited 1, proposed only 0); recall@50 of the hires among proposed plus retrieved-but-never-proposed candidates.")
            .Table(["model", "version", "ndcg@5", "ndcg@10", "map", "recall@50", "ips ndcg@10", "ips recall@10"],
                results.Select(r => (IReadOnlyList<string>)[r.Version == subject ? $"**{r.Name}** (this)" : r.Name, r.Version ?? "baseline",
                    N(r.Metrics.Ndcg5), N(r.Metrics.Ndcg10), N(r.Metrics.Map), N(r.Metrics.RecallAt50), N(r.IpsNdcg10), N(r.IpsRecall10)]));
        var p = evaluator.Propensity;
        report.Heading(3, "What the IPS columns mean")
            .Paragraph($"The history only knows outcomes for candidates someone looked at, and people look at the top of a list more than at the bottom. " +
                       $"A model that copies the old order is therefore rewarded for the old choices. The IPS (inverse propensity scoring) columns weight " +
                       $"each invited or hired pair by 1/θ(position), where θ(p) = 1/p^η is the chance that position p of the logged shortlist was examined, " +
                       $"so a success found deep in an old shortlist counts more than one at the top. Here η = {N(p.Eta, 2)} " +
                       $"({(p.Estimated ? "estimated from the invitation rate by logged position, which also holds the old policy's skill and so over-states examination" : "given in the config or assumed: too few logged positions to estimate it")}), " +
                       $"weights clipped at {N(p.Clip, 1)}; {evaluator.LoggedPairs} held-out pairs have a logged position (pairs without one weigh 1). " +
                       "When IPS and plain metrics rank the models the same way, the comparison does not hinge on the old order.");

        var sectors = evaluator.BySector(scorers[0]);
        var rule = evaluator.BySector(RankerScorer.Rule).ToDictionary(s => s.Sector, s => s.Ndcg10);
        Plots.Bars(Path.Combine(dir, "ndcg_by_sector.png"), $"{subject}: held-out NDCG@10 by sector", "NDCG@10", [.. sectors.Select(s => $"{s.Sector} ({s.Groups})")], [.. sectors.Select(s => s.Ndcg10)]);
        report.Heading(2, "NDCG@10 by sector").Image("ndcg_by_sector.png", "NDCG@10 by sector")
            .Table(["sector", "vacancies", "ndcg@10", "rule ndcg@10"], sectors.Select(s => (IReadOnlyList<string>)[s.Sector, s.Groups.ToString(System.Globalization.CultureInfo.InvariantCulture), N(s.Ndcg10), N(rule.GetValueOrDefault(s.Sector))]));

        var importance = evaluator.PermutationImportance(scorers[0], manifest.Features, seed, progress).OrderByDescending(x => x.Drop).ToArray();
        Plots.HorizontalBars(Path.Combine(dir, "feature_importance.png"), $"{subject}: permutation importance", "drop in held-out NDCG@10 when shuffled",
            [.. importance.Select(x => x.Feature)], [.. importance.Select(x => x.Drop)]);
        report.Heading(2, "Permutation feature importance")
            .Paragraph($"Each feature's values are shuffled across the held-out pairs (seed {seed}) and the drop in NDCG@10 measured; " +
                       "near zero means the model does not rely on it here, below zero means noise.")
            .Image("feature_importance.png", "permutation feature importance")
            .Table(["feature", "ndcg@10 drop"], importance.Select(x => (IReadOnlyList<string>)[x.Feature, N(x.Drop)]));

        FairnessTable.Write(report, manifest, registry.Fairness);
        ReportHeader.WriteActions(report, manifest);
        return new ModelReport(report.Save(dir), report.Text, results.ToDictionary(r => r.Version == subject ? "this" : r.Version ?? r.Name, r => r.ToDictionary()));
    }

    private RankerScorer Scorer(string version, ModelManifest manifest)
    {
        var name = manifest.Kind switch { "FastTree" => "lambdamart", "LightGbm" => "lightgbm", var k => k };
        if (version != manifest.Version) throw new InvalidOperationException("manifest mismatch");
        return RankerScorer.Of(version == registry.Promoted(RankerModels.Name) ? $"{name} (promoted)" : name, version, RankerModels.Load(manifest, registry.DirectoryOf(version)));
    }

    private static string N(double value, int decimals = 4) => MarkdownReport.Number(value, decimals);
}
