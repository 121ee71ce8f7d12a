using System.Diagnostics;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Index;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Ranking;
using MatchEngine.Models.Registry;
using MatchEngine.Training.Fairness;

namespace MatchEngine.Training.Ranking;

/// <summary>Held-out results of one model or baseline.</summary>
public sealed record ModelResult(string Name, RankingMetrics Metrics, string? Version);

/// <summary>What a ranker training run did: the split, every model's held-out metrics, what was promoted.</summary>
public sealed record RankerRunResult(int TrainGroups, int TestGroups, int TrainRows, DateOnly SplitDate, double RetrievalRecall,
    IReadOnlyList<ModelResult> Models, string? Promoted, string DataHash, TimeSpan Duration, FairnessReport Fairness, string? PromotionBlocked);

/// <summary>
/// Trains the shortlist rankers on a time split of the match history: LambdaMART (FastTree) and
/// LightGBM on the earlier 80% of vacancies, evaluated on the later 20% against BM25 alone and the
/// hand-weighted rule, computed in the same run. NDCG and MAP are computed over the logged groups (the
/// candidates actually proposed, whose outcomes are known); recall@50 over the logged group plus the top
/// retrieved candidates that were never proposed (label 0), as a shortlist would face them. Both learned
/// models are saved; the one with the better held-out NDCG@10 is promoted.
/// </summary>
public sealed class RankerTrainingRun(CatalogService catalog, CandidatePool pool, ModelRegistry registry, TextWriter progress)
{
    /// <summary>Unproposed candidates added to each held-out group.</summary>
    public const int ExtraNegatives = 100;

    /// <summary>Default fairness threshold: the four-fifths rule on selection rates.</summary>
    public const double DefaultFairnessThreshold = 0.8;

    public RankerRunResult Run(DateOnly? asOf, RankerOptions options, double fairnessThreshold = DefaultFairnessThreshold)
    {
        var watch = Stopwatch.StartNew();
        progress.WriteLine("ranker: building the dataset from the match history …");
        var groups = RankingDataset.Build(catalog, pool, asOf);
        var (train, test, split) = RankingDataset.TimeSplit(groups);
        var widened = test.Select(Widen).ToArray();
        var trainRows = train.SelectMany(g => g.Rows()).ToArray();
        var hash = RankingDataset.Hash(trainRows);
        progress.WriteLine($"ranker: {train.Length} training vacancies ({trainRows.Length} pairs) before {split:yyyy-MM-dd}, {test.Length} held out");

        var fairnessByVersion = new Dictionary<string, FairnessReport>();
        var results = new List<ModelResult>
        {
            new("bm25", Evaluate(test, widened, f => f[PairFeatures.IndexOf("bm25")]), null),
            new("rule", Evaluate(test, widened, RuleScore.Of), null),
        };
        var learned = new List<(ModelResult Result, ModelManifest Manifest, TrainedRanker Model)>();
        foreach (var kind in new[] { RankerKind.FastTree, RankerKind.LightGbm })
        {
            progress.WriteLine($"ranker: training {kind} …");
            var model = RankerTrainer.Train(kind, trainRows, PairFeatures.Names, options);
            var metrics = Evaluate(test, widened, f => 0, model);
            var (version, dir) = registry.NewVersion(RankerModels.Name);
            model.Save(Path.Combine(dir, RankerModels.FileName));
            progress.WriteLine($"ranker: fairness audit of {kind} on {Math.Min(100, test.Length)} held-out vacancies …");
            var fairness = new RankerFairnessAudit(catalog, pool).Audit(model, test.Take(100).Select(g => g.Vacancy).ToArray(), fairnessThreshold);
            var manifest = new ModelManifest
            {
                Name = RankerModels.Name, Version = version, Kind = kind.ToString(), CreatedAt = registry.Time.GetUtcNow(),
                TrainedFrom = train.Min(g => g.Date), TrainedTo = train.Max(g => g.Date), Features = PairFeatures.Names,
                Metrics = metrics.ToDictionary().Concat(FairnessMetrics(fairness)).ToDictionary(), DataHash = hash,
                Notes = $"time split at {split:yyyy-MM-dd}; {trainRows.Length} training pairs; options {options}",
            };
            registry.Save(manifest);
            var result = new ModelResult(kind == RankerKind.FastTree ? "lambdamart" : "lightgbm", metrics, version);
            results.Add(result);
            learned.Add((result, manifest, model));
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
        return new RankerRunResult(train.Length, test.Length, trainRows.Length, split, RetrievalRecall(groups), results,
            blocked is null ? best.Manifest.Version : null, hash, watch.Elapsed, report, blocked);
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

    /// <summary>Adds up to <see cref="ExtraNegatives"/> retrieved candidates that were never proposed, as label 0.</summary>
    private RankingGroup Widen(RankingGroup g)
    {
        var query = CandidateQuery.ForVacancy(g.Vacancy, ExtraNegatives + g.CandidateIds.Count) with { AvailableBy = null };
        var known = g.CandidateIds.ToHashSet(StringComparer.Ordinal);
        var extra = catalog.Index.Search(query).Where(h => !known.Contains(h.Id)).Take(ExtraNegatives)
            .Select(h => (h, pool.Get(h.Id))).Where(x => x.Item2 is not null).ToArray();
        var prepared = new PreparedVacancy(g.Vacancy, catalog.Store.GetEmployer(g.Vacancy.EmployerId));
        return g with
        {
            CandidateIds = g.CandidateIds.Concat(extra.Select(x => x.h.Id)).ToArray(),
            Labels = g.Labels.Concat(extra.Select(_ => 0)).ToArray(),
            Features = g.Features.Concat(extra.Select(x => PairFeatures.Featurize(prepared, x.Item2!, x.h.Score))).ToArray(),
        };
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

    /// <summary>NDCG and MAP on the logged groups, recall@50 on the widened ones; by <paramref name="model"/> when given, else by <paramref name="score"/>.</summary>
    private static RankingMetrics Evaluate(IReadOnlyList<RankingGroup> logged, IReadOnlyList<RankingGroup> widened, Func<float[], double> score, TrainedRanker? model = null)
    {
        IReadOnlyList<(int, double)> Scored(RankingGroup g)
        {
            var scores = model is null ? g.Features.Select(score).ToArray() : model.Score(g.Features).Select(x => (double)x).ToArray();
            return g.Labels.Select((l, i) => (l, scores[i])).ToArray();
        }
        var onLogged = RankingMetrics.Compute(logged.Select(Scored));
        var onWidened = RankingMetrics.Compute(widened.Select(Scored));
        return onLogged with { RecallAt50 = onWidened.RecallAt50 };
    }
}
