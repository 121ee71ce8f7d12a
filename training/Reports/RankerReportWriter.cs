using MatchEngine.Engine.Matching;
using MatchEngine.Models.Ranking;
using MatchEngine.Models.Registry;
using MatchEngine.Training.Ranking;

namespace MatchEngine.Training.Reports;

/// <summary>
/// The ranker's report: whole-pool and logged-proposal held-out metrics (plain and IPS) of the version against the others
/// of its run, the version promoted before and the baselines (BM25, the rule, logistic regression), all on the same held-out
/// vacancies; the chance calibration; NDCG@10 per sector; permutation feature importance; the fairness audit. Writes <c>report.md</c> and PNGs into the version's directory.
/// </summary>
public sealed class RankerReportWriter(ModelRegistry registry, TextWriter progress)
{
    /// <summary>Writes the report of <paramref name="subject"/>, compared with <paramref name="others"/> (versions; the promoted one is added when missing).</summary>
    public ModelReport Write(string subject, IReadOnlyList<string> others, RankerEvaluator evaluator, string purpose, int seed)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(others);
        var manifest = registry.Get(subject) ?? throw new InvalidOperationException($"modelversie '{subject}' bestaat niet");
        var dir = registry.DirectoryOf(subject);
        var compared = others.Append(registry.Promoted(RankerModels.Name)).OfType<string>().Where(v => v != subject).Distinct(StringComparer.Ordinal).ToArray();
        var logistic = RankerTrainer.Train(RankerKind.Logistic, [.. evaluator.Holdout.Train.SelectMany(g => g.Rows())], manifest.Features, new RankerOptions(Seed: seed));
        var scorers = new List<RankerScorer> { Scorer(subject, manifest), RankerScorer.Rule, RankerScorer.Bm25, RankerScorer.Of("logistic", null, logistic) };
        scorers.AddRange(compared.Select(v => registry.Get(v)).OfType<ModelManifest>().Where(m => m.Features.SequenceEqual(manifest.Features)).Select(m => Scorer(m.Version, m)));
        var results = scorers.Select(evaluator.Evaluate).ToArray();

        var report = new MarkdownReport();
        var h = evaluator.Holdout;
        ReportHeader.Write(report, registry, manifest, purpose,
            $"{h.Test.Count} vacancies first seen on or after {h.SplitDate:yyyy-MM-dd} ({h.Test.Sum(g => g.CandidateIds.Count)} logged pairs, " +
            $"up to {RankerHoldout.ExtraNegatives} unproposed retrieved candidates added for recall@50)");
        var pool = h.WholePool;
        report.Heading(2, "Whole-pool metrics")
            .Paragraph($"How each model ranks the whole consenting pool of the {pool.Groups.Count} held-out vacancies with an invitation or a hire, as a shortlist " +
                       $"ranks it: shortlist retrieval at the default depth ({ShortlistFilters.DefaultDepth}; no wall but consent), every retrieved candidate scored. " +
                       $"Where the invited and hired candidates land: recall@10 and recall@50 of the invited or hired, recall@10 of the hires, MRR of the first of them, " +
                       $"NDCG@10 with stage grades (hired 2, invited 1; candidates never proposed count 0). Retrieval returns {N(pool.RetrievalRecall)} of the invited or hired. " +
                       $"Promotion is decided on whole-pool NDCG@10 among the models within {RankerTrainingRun.LoggedTolerance} of the best logged-proposal NDCG@10 " +
                       "(an unproposed candidate counts 0 here, which rewards a model that imitates the old proposals)." + Narrowness(manifest))
            .Table(["model", "version", "ndcg@10", "recall@10", "recall@50", "hire recall@10", "mrr"],
                results.Select(r => (IReadOnlyList<string>)[r.Version == subject ? $"**{r.Name}** (this)" : r.Name, r.Version ?? "baseline",
                    N(r.WholePool.Ndcg10), N(r.WholePool.Recall10), N(r.WholePool.Recall50), N(r.WholePool.HireRecall10), N(r.WholePool.Mrr)]));
        report.Heading(2, "Logged-proposal metrics")
            .Paragraph("All rows are scored on the same held-out vacancies. NDCG and MAP over the candidates actually proposed (their outcome is known: " +
                       "hired 2, invited 1, proposed only 0); recall@50 of the hires among proposed plus retrieved-but-never-proposed candidates. " +
                       "These only re-order what the old policy chose; read them next to the whole-pool metrics.")
            .Table(["model", "version", "ndcg@5", "ndcg@10", "map", "recall@50", "ips ndcg@10", "ips recall@10"],
                results.Select(r => (IReadOnlyList<string>)[r.Version == subject ? $"**{r.Name}** (this)" : r.Name, r.Version ?? "baseline",
                    N(r.Metrics.Ndcg5), N(r.Metrics.Ndcg10), N(r.Metrics.Map), N(r.Metrics.RecallAt50), N(r.IpsNdcg10), N(r.IpsRecall10)]));
        var p = evaluator.Propensity;
        report.Heading(3, "What the IPS columns mean")
            .Paragraph($"The history only knows outcomes for candidates someone looked at, and people look at the top of a list more than at the bottom. " +
                       $"A model that copies the old order is therefore rewarded for the old choices. The IPS (inverse propensity scoring) columns weight " +
                       $"each invited or hired pair by 1/θ(position), where θ(p) = 1/p^η is the chance that position p of the logged shortlist was examined, " +
                       $"so a success found deep in an old shortlist counts more than one at the top. Here η = {N(p.Eta, 2)} " +
                       $"({(p.Estimated
                           ? "estimated from the invitation rate by logged position, which also holds the old policy's skill and so over-states examination"
                           : "given in the config or assumed: too few logged positions to estimate it")}), " +
                       $"weights clipped at {N(p.Clip, 1)}; {evaluator.LoggedPairs} held-out pairs have a logged position (pairs without one weigh 1). " +
                       "When IPS and plain metrics rank the models the same way, the comparison does not hinge on the old order.");

        if (ChanceCalibration.Of(manifest) is { } calibration)
        {
            var model = RankerModels.Load(manifest, dir);
            var pairs = h.Test.SelectMany(g => model.Score(g.Features).Select((x, i) => (Chance: calibration.Chance(x), Invited: g.Labels[i] >= 1))).OrderBy(x => x.Chance).ToArray();
            var bins = Enumerable.Range(0, 10).Select(b => pairs[(b * pairs.Length / 10)..((b + 1) * pairs.Length / 10)]).Where(b => b.Length > 0).ToArray();
            var predicted = bins.Select(b => b.Average(x => x.Chance)).ToArray();
            var observed = bins.Select(b => b.Average(x => x.Invited ? 1.0 : 0.0)).ToArray();
            Plots.Calibration(Path.Combine(dir, "chance_calibration.png"), $"{subject}: chance of an invitation", "chance of an invitation", [(subject, predicted, observed)]);
            report.Heading(2, "Chance calibration")
                .Paragraph($"The `chance` a shortlist shows is the chance that the employer invites the candidate when proposed ({ChanceCalibration.Meaning}): the raw " +
                           $"score through Platt scaling (A = {N(calibration.A)}, B = {N(calibration.B)}) fitted on the {pairs.Length} held-out logged proposals. " +
                           "Per decile of predicted chance, the mean prediction against the observed invitation rate on those pairs (fitted and read on the same pairs; " +
                           "candidates who were never proposed have no observed outcome).")
                .Image("chance_calibration.png", "chance calibration")
                .Table(["decile", "pairs", "predicted", "observed"], bins.Select((b, i) => (IReadOnlyList<string>)[(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    b.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), N(predicted[i]), N(observed[i])]));
        }

        var sectors = evaluator.BySector(scorers[0]);
        var rule = evaluator.BySector(RankerScorer.Rule).ToDictionary(s => s.Sector, s => s.Ndcg10);
        Plots.Bars(Path.Combine(dir, "ndcg_by_sector.png"), $"{subject}: held-out NDCG@10 by sector", "NDCG@10",
            [.. sectors.Select(s => $"{s.Sector} ({s.Groups})")], [.. sectors.Select(s => s.Ndcg10)]);
        report.Heading(2, "NDCG@10 by sector").Image("ndcg_by_sector.png", "NDCG@10 by sector")
            .Table(["sector", "vacancies", "ndcg@10", "rule ndcg@10"], sectors.Select(s => (IReadOnlyList<string>)
                [s.Sector, s.Groups.ToString(System.Globalization.CultureInfo.InvariantCulture), N(s.Ndcg10), N(rule.GetValueOrDefault(s.Sector))]));

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
        var name = RankerVariant.Of(manifest);
        if (version != manifest.Version) throw new InvalidOperationException("manifest mismatch");
        return RankerScorer.Of(version == registry.Promoted(RankerModels.Name) ? $"{name} (promoted)" : name, version, RankerModels.Load(manifest, registry.DirectoryOf(version)));
    }

    /// <summary>What the run's <see cref="ProposalPredictability"/> says of the history, when the manifest holds it.</summary>
    private static string Narrowness(ModelManifest manifest)
    {
        if (!manifest.Metrics.TryGetValue(RankerTrainingRun.ProposalAucKey, out var auc)) return "";
        return $" The features tell the old proposals from the rest of the retrieved pool with AUC {N(auc, 3)} on the held-out vacancies " +
               (ProposalPredictability.Narrow(auc)
                   ? $"(at least {N(ProposalPredictability.NarrowFrom, 2)}): the history shows nothing of the pool beyond them, so these metrics mostly measure " +
                     "how much a model resembles the old policy, and only a linear model, which carries each feature's slope to the rest of the pool, is promoted."
                   : $"(below {N(ProposalPredictability.NarrowFrom, 2)}): the old proposals reach far enough into the pool for these metrics to compare models.");
    }

    private static string N(double value, int decimals = 4) => MarkdownReport.Number(value, decimals);
}
