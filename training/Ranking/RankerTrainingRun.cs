using System.Diagnostics;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Index;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Ranking;
using MatchEngine.Models.Registry;
using MatchEngine.Training.Fairness;
using MatchEngine.Training.Runs;

namespace MatchEngine.Training.Ranking;

/// <summary>What a ranker training run did: the split, every model's held-out metrics (<see cref="RankerEvaluation"/>), what was promoted,
/// and the evaluator, so a report can look further at the same held-out data.</summary>
public sealed record RankerRunResult(int TrainGroups, int TestGroups, int TrainRows, DateOnly SplitDate, double RetrievalRecall,
    IReadOnlyList<RankerEvaluation> Models, string? Promoted, string DataHash, TimeSpan Duration, FairnessReport Fairness, string? PromotionBlocked)
{
    /// <summary>The best newly trained version (promoted unless the fairness audit blocked it).</summary>
    public required string Best { get; init; }

    /// <summary>The held-out data and metrics of this run.</summary>
    public required RankerEvaluator Evaluator { get; init; }
}

/// <summary>
/// Trains the shortlist rankers on a time split of the match history (<see cref="RankerHoldout"/>): LambdaMART
/// (FastTree) and LightGBM on the earlier 80% of vacancies, evaluated on the later 20% against BM25 alone, the
/// hand-weighted rule and the version promoted before this run, all computed in the same run by
/// <see cref="RankerEvaluator"/> (plain and inverse-propensity-weighted metrics). Both learned models are saved;
/// the one with the better held-out NDCG@10 is promoted when it passes the fairness audit.
/// </summary>
public sealed class RankerTrainingRun(CatalogService catalog, CandidatePool pool, ModelRegistry registry, TextWriter progress)
{
    /// <summary>Unproposed candidates added to each held-out group.</summary>
    public const int ExtraNegatives = RankerHoldout.ExtraNegatives;

    /// <summary>Trains, evaluates and audits both learners; promotes the better one when it passes the registry's fairness policy.</summary>
    public RankerRunResult Run(DateOnly? asOf, RankerOptions options, double? ipsEta = null, double ipsClip = PositionPropensity.DefaultClip)
    {
        ArgumentNullException.ThrowIfNull(options);
        var fairnessThreshold = registry.Fairness.Threshold;
        var watch = Stopwatch.StartNew();
        var holdout = RankerHoldout.Build(catalog, pool, asOf, progress);
        var (split, train, test) = (holdout.SplitDate, holdout.Train, holdout.Test);
        var trainRows = train.SelectMany(g => g.Rows()).ToArray();
        var hash = RankingDataset.Hash(trainRows);
        progress.WriteLine($"ranker: {train.Count} training vacancies ({trainRows.Length} pairs) before {split:yyyy-MM-dd}, {test.Count} held out");
        var positions = LoggedPositions.From(catalog.Store, asOf);
        var propensity = ipsEta is { } eta ? new PositionPropensity(eta, ipsClip, false) : PositionPropensity.Estimate(train, positions, ipsClip);
        var evaluator = new RankerEvaluator(holdout, positions, propensity);
        progress.WriteLine($"ranker: {positions.Count} pairs with a logged position; examination 1/position^{propensity.Eta:0.00} ({(propensity.Estimated ? "estimated" : "given or assumed")}), weights clipped at {ipsClip:0.#}");

        var fairnessByVersion = new Dictionary<string, FairnessReport>();
        var results = new List<RankerEvaluation> { evaluator.Evaluate(RankerScorer.Bm25), evaluator.Evaluate(RankerScorer.Rule) };
        if (registry.Promoted(RankerModels.Name) is { } before && registry.Get(before) is { } previous)
            results.Add(evaluator.Evaluate(RankerScorer.Of("promoted", before, RankerModels.Load(previous, registry.DirectoryOf(before)))));
        var learned = new List<(RankerEvaluation Result, ModelManifest Manifest)>();
        foreach (var kind in new[] { RankerKind.FastTree, RankerKind.LightGbm })
        {
            TrainedRanker model;
            using (new ProgressLine(progress, $"ranker: training {kind} ({options.Trees} trees)", 0))
                model = RankerTrainer.Train(kind, trainRows, PairFeatures.Names, options);
            var (version, dir) = registry.NewVersion(RankerModels.Name);
            var result = evaluator.Evaluate(RankerScorer.Of(kind == RankerKind.FastTree ? "lambdamart" : "lightgbm", version, model));
            model.Save(Path.Combine(dir, RankerModels.FileName));
            progress.WriteLine($"ranker: fairness audit of {kind} on {Math.Min(100, test.Count)} held-out vacancies …");
            var fairness = new RankerFairnessAudit(catalog, pool).Audit(model, test.Take(100).Select(g => g.Vacancy).ToArray(), fairnessThreshold);
            var manifest = new ModelManifest
            {
                Name = RankerModels.Name, Version = version, Kind = kind.ToString(), CreatedAt = registry.Time.GetUtcNow(),
                TrainedFrom = train.Min(g => g.Date), TrainedTo = train.Max(g => g.Date), Features = PairFeatures.Names,
                Metrics = result.ToDictionary().Concat(FairnessMetrics(fairness)).ToDictionary(), DataHash = hash,
                Notes = $"time split at {split:yyyy-MM-dd}; {trainRows.Length} training pairs; options {options}; ips eta {propensity.Eta:0.00}",
            };
            registry.Save(manifest);
            results.Add(result);
            learned.Add((result, manifest));
            fairnessByVersion[version] = fairness;
        }
        var best = learned.OrderByDescending(l => l.Result.Metrics.Ndcg10).First();
        var report = fairnessByVersion[best.Manifest.Version];
        string? blocked = null;
        if (report.Passes)
        {
            registry.Promote(best.Manifest.Version, $"training run: best held-out ndcg@10 {best.Result.Metrics.Ndcg10:0.000}; fairness min selection ratio {report.MinSelectionRatio:0.00}");
            progress.WriteLine($"ranker: promoted {best.Manifest.Version} ({best.Result.Name})");
        }
        else
        {
            blocked = $"{best.Manifest.Version}: a group's selection rate is {report.MinSelectionRatio:0.00} of the best group's, below {fairnessThreshold:0.00}; " +
                      $"an admin may promote it with `matchengine models promote {best.Manifest.Version} --override-fairness \"reason\"`";
            progress.WriteLine($"ranker: promotion blocked — {blocked}");
        }
        return new RankerRunResult(train.Count, test.Count, trainRows.Length, split, RetrievalRecall(holdout.All), results,
            blocked is null ? best.Manifest.Version : null, hash, watch.Elapsed, report, blocked) { Best = best.Manifest.Version, Evaluator = evaluator };
    }

    /// <summary>The fairness table as manifest metrics: the minimum ratio, the threshold, and each group's ratio and shares.</summary>
    public static IEnumerable<KeyValuePair<string, double>> FairnessMetrics(FairnessReport report)
    {
        yield return new("fairness.min_selection_ratio", report.MinSelectionRatio);
        yield return new("fairness.min_ratio", report.MinSelectionRatio);
        yield return new("fairness.threshold", report.Threshold);
        foreach (var g in report.Groups)
        {
            yield return new($"fairness.{g.Attribute}.{g.Group}.selection_ratio", g.SelectionRatio);
            yield return new($"fairness.{g.Attribute}.{g.Group}.pool_share", g.PoolShare);
            yield return new($"fairness.{g.Attribute}.{g.Group}.exposure_share", g.ExposureShare);
        }
    }

    /// <summary>Share of historical hires that retrieval at the default depth returns for their vacancy (availability not filtered: records are today's).</summary>
    private double RetrievalRecall(IReadOnlyList<RankingGroup> groups)
    {
        int hires = 0, found = 0;
        foreach (var g in groups.Where(g => g.Labels.Contains(2)))
        {
            var hits = catalog.Index.Search(CandidateQuery.ForVacancy(g.Vacancy, ShortlistFilters.DefaultDepth) with { AvailableBy = null })
                .Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
            for (var i = 0; i < g.Labels.Count; i++)
            {
                if (g.Labels[i] != 2) continue;
                hires++;
                if (hits.Contains(g.CandidateIds[i])) found++;
            }
        }
        return hires == 0 ? 0 : found / (double)hires;
    }
}
