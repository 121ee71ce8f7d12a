using System.Diagnostics;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Index;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Ranking;
using MatchEngine.Models.Registry;
using MatchEngine.Training.Fairness;
using MatchEngine.Training.Progress;

namespace MatchEngine.Training.Ranking;

/// <summary>What a ranker training run did: the split, every model's held-out metrics (<see cref="RankerEvaluation"/>), what was promoted,
/// and the evaluator, so a report can look further at the same held-out data.</summary>
public sealed record RankerRunResult(int TrainGroups, int TestGroups, int TrainRows, DateOnly SplitDate, double RetrievalRecall,
    IReadOnlyList<RankerEvaluation> Models, string? Promoted, string DataHash, TimeSpan Duration, FairnessAudit Fairness, string? PromotionBlocked)
{
    /// <summary>Time spent in the fairness audits of every learned variant (part of <see cref="Duration"/>).</summary>
    public TimeSpan AuditDuration { get; init; }

    /// <summary>The registry's fairness threshold the run was held to.</summary>
    public double FairnessThreshold { get; init; }

    /// <summary>The best newly trained version (promoted unless the fairness audit blocked it).</summary>
    public required string Best { get; init; }

    /// <summary>The held-out data and metrics of this run.</summary>
    public required RankerEvaluator Evaluator { get; init; }

    /// <summary>Share of the held-out invited or hired candidates that shortlist retrieval returns (the whole-pool groups).</summary>
    public double WholePoolRetrievalRecall { get; init; }

    /// <summary>How well the features tell the old proposals from the rest of the pool (<see cref="RankerTrainingRun.Select"/> reads it).</summary>
    public required ProposalPredictability Predictability { get; init; }
}

/// <summary>
/// Trains the shortlist rankers on a time split of the match history (<see cref="RankerHoldout"/>): logistic regression
/// (also the baseline the others must beat), the same on a hinge basis of each feature ('spline'), LambdaMART (FastTree)
/// and LightGBM on the earlier 80% of vacancies, the tree
/// rankers each on the logged proposals alone and on the proposals plus sampled unproposed candidates ('+pool',
/// <see cref="PoolNegatives"/>), evaluated on the later 20% against BM25 alone, the hand-weighted rule and the version
/// promoted before this run, all computed in the same run by <see cref="RankerEvaluator"/> (logged-proposal metrics, plain
/// and inverse-propensity weighted, and whole-pool metrics). Every learned model is saved with its chance calibration;
/// the one <see cref="Select"/> picks is promoted when it passes the fairness audit.
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
        progress.WriteLine($"ranker: {positions.Count} pairs with a logged position; examination 1/position^{propensity.Eta:0.00} " +
                           $"({(propensity.Estimated ? "estimated" : "given or assumed")}), weights clipped at {ipsClip:0.#}");

        var fairnessByVersion = new Dictionary<string, FairnessAudit>();
        var auditWatch = new Stopwatch();
        var auditor = new RankerFairnessAudit(pool, holdout);
        var scorers = new Dictionary<string, RankerScorer>(StringComparer.Ordinal);
        var results = new List<RankerEvaluation> { evaluator.Evaluate(RankerScorer.Bm25), evaluator.Evaluate(RankerScorer.Rule) };
        if (registry.Promoted(RankerModels.Name) is { } before && registry.Get(before) is { } previous && previous.Features.SequenceEqual(PairFeatures.Names))
            results.Add(evaluator.Evaluate(RankerScorer.Of("promoted", before, RankerModels.Load(previous, registry.DirectoryOf(before)))));
        var poolRows = trainRows.Concat(PoolNegatives(train, options.Seed)).ToArray();
        progress.WriteLine($"ranker: {poolRows.Length - trainRows.Length} sampled unproposed candidates added as negatives for the '+pool' variants " +
                           $"({PoolNegativesPerVacancy} per sampled training vacancy)");
        var predictability = ProposalPredictability.Measure(trainRows, poolRows[trainRows.Length..], holdout.WholePool, options.Seed);
        progress.WriteLine($"ranker: the features tell the old proposals from the rest of the retrieved pool with AUC {predictability.Auc:0.000} " +
                           $"({predictability.Groups} held-out vacancies)" + (predictability.IsNarrow
                               ? $", at least {ProposalPredictability.NarrowFrom:0.00}: the history shows nothing of the pool beyond them, so only a linear model is promoted"
                               : ""));
        var learned = new List<(RankerEvaluation Result, ModelManifest Manifest)>();
        foreach (var (kind, withPool) in Variants)
        {
            var rows = withPool ? poolRows : trainRows;
            var name = RankerVariant.Of(kind, withPool);
            TrainedRanker model;
            using (new ProgressLine(progress, $"ranker: training {name} ({(IsLinear(kind) ? "" : $"{options.Trees} trees, ")}{rows.Length} pairs)", 0))
                model = RankerTrainer.Train(kind, rows, PairFeatures.Names, options, PairFeatures.Directions);
            var (version, dir) = registry.NewVersion(RankerModels.Name);
            var scorer = RankerScorer.Of(name, version, model).Remembering();
            var result = evaluator.Evaluate(scorer);
            var calibration = Calibrate(model, test);
            model.Save(Path.Combine(dir, RankerModels.FileName));
            progress.WriteLine($"ranker: fairness audit of {name} on {test.Count} held-out vacancies …");
            auditWatch.Start();
            var fairness = auditor.Audit(scorer.Score, calibration, options.Seed);
            auditWatch.Stop();
            var manifest = new ModelManifest
            {
                Name = RankerModels.Name, Version = version, Kind = kind.ToString(), CreatedAt = registry.Time.GetUtcNow(),
                TrainedFrom = train.Min(g => g.Date), TrainedTo = train.Max(g => g.Date), Features = PairFeatures.Names,
                Metrics = result.ToDictionary()
                    .Append(new(ChanceCalibration.AKey, calibration.A)).Append(new(ChanceCalibration.BKey, calibration.B))
                    .Append(new(RankerVariant.PoolNegativesKey, withPool ? PoolNegativesPerVacancy : 0))
                    .Append(new(ProposalAucKey, predictability.Auc)).ToDictionary(),
                DataHash = withPool ? RankingDataset.Hash(rows) : hash,
                Notes = $"{name}: tijdsplitsing op {Dutch.Date(split)}; {Dutch.Whole(rows.Length)} trainingsparen" +
                        (withPool ? $" ({Dutch.Whole(trainRows.Length)} voorgesteld, {Dutch.Whole(rows.Length - trainRows.Length)} nooit voorgesteld en als negatief getrokken)" : "") +
                        $"; opties `{options}`; ips-η {Dutch.Decimals(propensity.Eta, 2)}",
                Fairness = fairness,
            };
            registry.Save(manifest);
            results.Add(result);
            learned.Add((result, manifest));
            fairnessByVersion[version] = fairness;
            scorers[version] = scorer;
        }
        var trained = learned.Select(l => l.Result).ToArray();
        var chosen = Select(trained, predictability);
        var (plain, spline) = (Named(trained, RankerKind.Logistic), Named(trained, RankerKind.SplineLogistic));
        if (Linear(plain, spline) is { } linearModel)
        {
            if (plain is not null && spline is not null) progress.WriteLine($"ranker: {Comparison(spline, plain)}: the {linearModel.Name} model is the linear one");
            foreach (var tree in trained.Where(t => !ReferenceEquals(t, plain) && !ReferenceEquals(t, spline)))
                progress.WriteLine($"ranker: {Comparison(tree, linearModel)}");
        }
        var best = learned.First(l => ReferenceEquals(l.Result, chosen));
        auditWatch.Start();
        var report = auditor.WithReranking(fairnessByVersion[best.Manifest.Version], scorers[best.Manifest.Version].Score);
        auditWatch.Stop();
        best = (best.Result, best.Manifest with { Fairness = report, Selected = true });
        registry.Save(best.Manifest);
        string? blocked = null;
        if (FairnessGate.Refusal(best.Manifest, registry.Fairness) is not { } refusal)
        {
            registry.Promote(best.Manifest.Version, $"trainingsrun: {best.Result.Name} gekozen (ndcg@10 over de hele pool {Dutch.Exact(Math.Round(best.Result.WholePool.Ndcg10, 3))}, " +
                                                    $"over de gelogde voorstellen {Dutch.Exact(Math.Round(best.Result.Metrics.Ndcg10, 3))}); eerlijkheidstoets doorstaan");
            progress.WriteLine($"ranker: promoted {best.Manifest.Version} ({best.Result.Name})");
        }
        else
        {
            blocked = $"{refusal}: `matchengine models promote {best.Manifest.Version} --override-fairness \"reason\"`";
            progress.WriteLine($"ranker: promotion blocked — {blocked}");
        }
        foreach (var flag in FairnessGate.Flags(report)) progress.WriteLine($"ranker: {flag}");
        return new RankerRunResult(train.Count, test.Count, trainRows.Length, split, RetrievalRecall(holdout.All), results,
            blocked is null ? best.Manifest.Version : null, hash, watch.Elapsed, report, blocked)
        {
            Best = best.Manifest.Version, Evaluator = evaluator, WholePoolRetrievalRecall = holdout.WholePool.RetrievalRecall, Predictability = predictability,
            AuditDuration = auditWatch.Elapsed, FairnessThreshold = fairnessThreshold,
        };
    }

    /// <summary>
    /// The learned variants every run trains: logistic regression, plain and on a hinge basis of each feature, and LambdaMART
    /// and LightGBM with and without sampled unproposed candidates.
    /// </summary>
    public static IReadOnlyList<(RankerKind Kind, bool WithPool)> Variants { get; } =
        [(RankerKind.Logistic, false), (RankerKind.SplineLogistic, false), (RankerKind.FastTree, false), (RankerKind.LightGbm, false),
         (RankerKind.FastTree, true), (RankerKind.LightGbm, true)];

    /// <summary>True for the models whose score is a sum of one term per feature that extrapolates as a line: logistic regression, plain or on a hinge basis.</summary>
    private static bool IsLinear(RankerKind kind) => kind is RankerKind.Logistic or RankerKind.SplineLogistic;

    /// <summary>How far below the run's best logged-proposal NDCG@10 a model may be and still be promoted.</summary>
    public const double LoggedTolerance = 0.01;

    /// <summary>How much better on the logged proposals a tree ranker must be than the linear model to be promoted instead.</summary>
    public const double TreeMargin = 0.02;

    /// <summary>The manifest metric that holds the run's <see cref="ProposalPredictability.Auc"/>.</summary>
    public const string ProposalAucKey = "proposal_auc";

    /// <summary>
    /// The model to promote. First the best whole-pool NDCG@10 among the models whose logged-proposal NDCG@10 is within
    /// <see cref="LoggedTolerance"/> of the best: whole-pool labels call every unproposed candidate 0, which is exactly what
    /// the '+pool' variants are trained to predict, so on whole-pool metrics alone a model that learned "looks like the old
    /// proposals" wins; on the logged proposals every ranked candidate has a real outcome, and the guard keeps such a model
    /// out unless it also ranks those as well as the best. Then that model must earn its place over the linear model
    /// (<see cref="Linear"/>). A tree ensemble is flat outside the feature ranges of the candidates the old policy
    /// proposed, so it is promoted only when it ranks the held-out proposals at least <see cref="TreeMargin"/> better than
    /// the linear model, by a difference the held-out vacancies show (the 90% paired-bootstrap interval wholly above zero),
    /// and the whole pool no worse; otherwise the linear model is. When the history is narrow
    /// (<paramref name="predictability"/>: the features tell the old proposals from the rest of the pool almost
    /// perfectly), both of those comparisons only look inside what the old policy chose, and the linear model is promoted.
    /// </summary>
    public static RankerEvaluation Select(IReadOnlyList<RankerEvaluation> learned, ProposalPredictability? predictability = null)
    {
        ArgumentNullException.ThrowIfNull(learned);
        var bestLogged = learned.Max(l => l.Metrics.Ndcg10);
        var guarded = learned.Where(l => l.Metrics.Ndcg10 >= bestLogged - LoggedTolerance)
            .OrderByDescending(l => l.WholePool.Ndcg10).ThenByDescending(l => l.Metrics.Ndcg10).First();
        var logistic = Named(learned, RankerKind.Logistic);
        var spline = Named(learned, RankerKind.SplineLogistic);
        var linear = Linear(logistic, spline);
        if (linear is null || ReferenceEquals(guarded, logistic) || ReferenceEquals(guarded, spline) || predictability is { IsNarrow: true }) return linear ?? guarded;
        return guarded.Metrics.Ndcg10 >= linear.Metrics.Ndcg10 + TreeMargin && Against(guarded, linear).Logged.ShownBetter
               && guarded.WholePool.Ndcg10 >= linear.WholePool.Ndcg10
            ? guarded
            : linear;
    }

    /// <summary>
    /// The linear model to promote: the hinge-basis logistic regression unless the held-out whole pools show it ranks worse
    /// than the plain one — the 90% paired-bootstrap interval of its whole-pool NDCG@10 difference over the held-out
    /// vacancies (<see cref="PairedDifference"/>) lying wholly below zero, as when a curve carries a bend of the proposals'
    /// range over the rest of the pool. The spline holds the plain model (every hinge weight zero) and is fitted on the same
    /// pairs with the same regularisation; where an effect is curved only the spline can follow it. The logged proposals do
    /// not decide between the two: on regions with a known truth the spline ranked the whole pool at least as well as the
    /// plain model in every one, while the logged proposals showed it worse in several of them (docs/model-lifecycle.md).
    /// Null when neither was trained.
    /// </summary>
    public static RankerEvaluation? Linear(RankerEvaluation? logistic, RankerEvaluation? spline)
    {
        if (logistic is null || spline is null) return logistic ?? spline;
        return Against(spline, logistic).WholePool.ShownWorse ? logistic : spline;
    }

    /// <summary><paramref name="model"/>'s NDCG@10 minus <paramref name="baseline"/>'s, paired over the held-out vacancies: on the logged proposals and on the whole pool.</summary>
    private static (PairedDifference Logged, PairedDifference WholePool) Against(RankerEvaluation model, RankerEvaluation baseline) =>
        (PairedDifference.Of(model.LoggedNdcg10PerGroup, baseline.LoggedNdcg10PerGroup, model.Metrics.Ndcg10, baseline.Metrics.Ndcg10),
         PairedDifference.Of(model.WholePoolNdcg10PerGroup, baseline.WholePoolNdcg10PerGroup, model.WholePool.Ndcg10, baseline.WholePool.Ndcg10));

    /// <summary>"<paramref name="model"/> − <paramref name="baseline"/> NDCG@10 …" with both intervals of <see cref="Against"/>, as a run prints it.</summary>
    private static string Comparison(RankerEvaluation model, RankerEvaluation baseline)
    {
        var (logged, wholePool) = Against(model, baseline);
        return $"{model.Name} − {baseline.Name} NDCG@10 on the logged proposals {Interval(logged)}, on the whole pool {Interval(wholePool)} " +
               "(90% paired bootstrap over held-out vacancies)";
    }

    private static RankerEvaluation? Named(IEnumerable<RankerEvaluation> models, RankerKind kind) =>
        models.FirstOrDefault(l => l.Name == RankerVariant.Of(kind, false));

    private static string Interval(PairedDifference d) => FormattableString.Invariant($"{d.Mean:+0.0000;-0.0000} ({d.Low:+0.0000;-0.0000} to {d.High:+0.0000;-0.0000})");

    /// <summary>Unproposed candidates sampled from each training vacancy's retrieved pool for the '+pool' variants.</summary>
    public const int PoolNegativesPerVacancy = 20;

    /// <summary>Most training vacancies (evenly spaced) that get sampled unproposed candidates, and most vacancies with a hire whose retrieval recall is measured.</summary>
    public const int MaxRetrievedVacancies = 1_000;

    /// <summary>
    /// The selection-bias correction of the '+pool' variants: for each training vacancy (at most
    /// <see cref="MaxRetrievedVacancies"/>, evenly spaced), <see cref="PoolNegativesPerVacancy"/>
    /// candidates drawn uniformly (seeded) from what serving retrieval returns for it, never proposed, added as label 0. The
    /// logged pairs alone only show the candidates the old policy chose; these show the ranker the rest of the pool it
    /// must rank, at the price of calling a few good but never-proposed candidates negative (about as often as a random
    /// proposal would have been invited).
    /// </summary>
    private IEnumerable<RankingRow> PoolNegatives(IReadOnlyList<RankingGroup> train, int seed)
    {
        var random = new Random(seed);
        var rows = new List<RankingRow>();
        var sampled = EvenlySpaced.Take(train, MaxRetrievedVacancies);
        using var line = new ProgressLine(progress, $"ranker: sampling unproposed candidates for {sampled.Count} of the {train.Count} training vacancies", sampled.Count);
        foreach (var g in sampled)
        {
            var known = g.CandidateIds.ToHashSet(StringComparer.Ordinal);
            var prepared = new PreparedVacancy(g.Vacancy, catalog.Store.GetEmployer(g.Vacancy.EmployerId));
            var hits = CandidateRetrieval.For(catalog, pool, prepared, new ShortlistFilters()).Where(h => !known.Contains(h.Candidate.Candidate.Id)).ToArray();
            random.Shuffle(hits);
            rows.AddRange(hits.Take(PoolNegativesPerVacancy).OrderBy(h => h.Candidate.Candidate.Id, StringComparer.Ordinal)
                .Select(h => new RankingRow(g.Vacancy.Id, 0, PairFeatures.Featurize(prepared, h.Candidate, h.Bm25))));
            line.Advance();
        }
        return rows;
    }

    /// <summary>Platt scaling of the model's raw score to the chance of an invitation, fitted on the held-out logged proposals.</summary>
    public static PlattScaling Calibrate(TrainedRanker model, IReadOnlyList<RankingGroup> test)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(test);
        return PlattScaling.Fit([.. test.SelectMany(g => model.Score(g.Features).Select((s, i) => ((double)s, g.Labels[i] >= 1)))]);
    }

    /// <summary>
    /// Share of historical hires that shortlist retrieval (<see cref="CandidateRetrieval"/>) at the default depth, no wall
    /// but consent, returns for their vacancy (of at most <see cref="MaxRetrievedVacancies"/> vacancies with a hire, evenly spaced).
    /// </summary>
    private double RetrievalRecall(IReadOnlyList<RankingGroup> groups)
    {
        int hires = 0, found = 0;
        foreach (var g in EvenlySpaced.Take([.. groups.Where(g => g.Labels.Contains(2))], MaxRetrievedVacancies))
        {
            var prepared = new PreparedVacancy(g.Vacancy, catalog.Store.GetEmployer(g.Vacancy.EmployerId));
            var hits = CandidateRetrieval.For(catalog, pool, prepared, new ShortlistFilters()).Select(h => h.Candidate.Candidate.Id).ToHashSet(StringComparer.Ordinal);
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
