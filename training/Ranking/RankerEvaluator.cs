using MatchEngine.Engine.Matching;
using MatchEngine.Models.Ranking;
using MatchEngine.Training.Progress;

namespace MatchEngine.Training.Ranking;

/// <summary>A ranker or baseline to evaluate: its report name, registry version (null for a baseline) and batch scorer.</summary>
public sealed record RankerScorer(string Name, string? Version, Func<IReadOnlyList<float[]>, double[]> Score)
{
    /// <summary>BM25 alone (the retrieval score).</summary>
    public static RankerScorer Bm25 { get; } = new("bm25", null, f => [.. f.Select(x => (double)x[PairFeatures.IndexOf("bm25")])]);

    /// <summary>The hand-weighted rule.</summary>
    public static RankerScorer Rule { get; } = new("rule", null, f => [.. f.Select(RuleScore.Of)]);

    /// <summary>
    /// The same scorer remembering each feature list's scores by reference, so a run that evaluates and then audits a model scores
    /// every held-out pool once. Thread-safe.
    /// </summary>
    public RankerScorer Remembering()
    {
        var seen = new System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<float[]>, double[]>();
        var score = Score;
        return this with { Score = f => seen.GetValue(f, x => score(x)) };
    }

    /// <summary>A trained ranker under <paramref name="name"/>.</summary>
    public static RankerScorer Of(string name, string? version, TrainedRanker model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new(name, version, f => [.. model.Score(f).Select(x => (double)x)]);
    }
}

/// <summary>
/// Held-out metrics of one ranker: on the logged proposals, the plain metrics and their inverse-propensity-weighted
/// counterparts; over the whole pool as serving ranks it, <see cref="WholePool"/>.
/// </summary>
public sealed record RankerEvaluation(string Name, string? Version, RankingMetrics Metrics, double IpsNdcg10, double IpsRecall10, WholePoolMetrics WholePool)
{
    /// <summary>
    /// Flat metrics for manifests and reports: on the logged proposals ndcg@5, ndcg@10, map, recall@50, groups, ips_ndcg@10,
    /// ips_recall@10; over the whole pool whole_pool.recall@10, whole_pool.recall@50, whole_pool.hire_recall@10,
    /// whole_pool.mrr, whole_pool.ndcg@10, whole_pool.groups.
    /// </summary>
    public IReadOnlyDictionary<string, double> ToDictionary() =>
        Metrics.ToDictionary().Append(new("ips_ndcg@10", IpsNdcg10)).Append(new("ips_recall@10", IpsRecall10)).Concat(WholePool.ToDictionary()).ToDictionary();

    /// <summary>NDCG@10 of each held-out logged group with an outcome, in the holdout's order (for paired comparisons of two models).</summary>
    public IReadOnlyList<double> LoggedNdcg10PerGroup { get; init; } = [];

    /// <summary>Whole-pool NDCG@10 of each whole-pool group, in the holdout's order.</summary>
    public IReadOnlyList<double> WholePoolNdcg10PerGroup { get; init; } = [];
}

/// <summary>
/// Evaluates rankers on a <see cref="RankerHoldout"/> the same way for every model and baseline: NDCG and MAP
/// on the logged groups, recall@50 on the widened ones, inverse-propensity-weighted NDCG@10 and recall@10 on the
/// logged groups with the weights of <paramref name="propensity"/> at each pair's logged position; the whole-pool
/// metrics of <see cref="RankerHoldout.WholePool"/> (how serving would rank every consenting candidate); NDCG@10 per
/// sector; permutation feature importance. Stateless apart from its inputs; thread-safe.
/// </summary>
public sealed class RankerEvaluator(RankerHoldout holdout, LoggedPositions positions, PositionPropensity propensity)
{
    /// <summary>The held-out data.</summary>
    public RankerHoldout Holdout => holdout;

    /// <summary>The propensity model of the IPS metrics.</summary>
    public PositionPropensity Propensity => propensity;

    /// <summary>Held-out pairs with a logged position.</summary>
    public int LoggedPairs => holdout.Test.Sum(g => g.CandidateIds.Count(c => positions.Of(g.Vacancy.Id, c) is not null));

    /// <summary>Every metric of <paramref name="scorer"/>.</summary>
    public RankerEvaluation Evaluate(RankerScorer scorer)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        // Each logged group is scored once, for the plain metrics and the weighted ones alike.
        var logged = holdout.Test.Select(g => (Group: g, Scored: Scored(g, scorer))).ToArray();
        var loggedPerGroup = new List<double>();
        var onLogged = RankingMetrics.Compute(logged.Select(x => x.Scored), ndcg10PerGroup: loggedPerGroup);
        var onWidened = RankingMetrics.Compute(holdout.Widened.Select(g => Scored(g, scorer)));
        var ips = RankingMetrics.InversePropensity(logged.Select(x => (IReadOnlyList<(int, double, double)>)
            [.. x.Scored.Select((p, i) => (p.Label, p.Score, propensity.Weight(positions.Of(x.Group.Vacancy.Id, x.Group.CandidateIds[i]))))]));
        var perGroup = new List<double>();
        var wholePool = holdout.WholePool.Evaluate(scorer.Score, perGroup);
        return new RankerEvaluation(scorer.Name, scorer.Version, onLogged with { RecallAt50 = onWidened.RecallAt50 }, ips.Ndcg, ips.Recall, wholePool)
        {
            LoggedNdcg10PerGroup = loggedPerGroup,
            WholePoolNdcg10PerGroup = perGroup,
        };
    }

    /// <summary>NDCG@10 on the logged groups per vacancy sector, sectors in alphabetical order.</summary>
    public IReadOnlyList<(string Sector, int Groups, double Ndcg10)> BySector(RankerScorer scorer) =>
        [.. holdout.Test.GroupBy(g => g.Vacancy.Sector).OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => (s.Key, RankingMetrics.Compute(s.Select(g => Scored(g, scorer))) is var m ? (m.Groups, m.Ndcg10) : default))
            .Select(x => (x.Key, x.Item2.Groups, x.Item2.Ndcg10))];

    /// <summary>
    /// Permutation feature importance: the drop in held-out NDCG@10 when one feature's values are shuffled across
    /// all held-out pairs (seeded, one shuffle per feature), in feature order. Reports progress every few features.
    /// </summary>
    public IReadOnlyList<(string Feature, double Drop)> PermutationImportance(RankerScorer scorer, IReadOnlyList<string> featureNames, int seed, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(progress);
        var baseline = RankingMetrics.Compute(holdout.Test.Select(g => Scored(g, scorer))).Ndcg10;
        var result = new List<(string, double)>();
        using var bar = new ProgressLine(progress, "ranker: permutation importance", featureNames.Count);
        for (var j = 0; j < featureNames.Count; j++)
        {
            var column = holdout.Test.SelectMany(g => g.Features.Select(f => f[j])).ToArray();
            new Random(seed + j).Shuffle(column);
            var next = 0;
            var shuffled = holdout.Test.Select(g => g with
            {
                Features = [.. g.Features.Select(f =>
                {
                    var copy = (float[])f.Clone();
                    copy[j] = column[next++];
                    return copy;
                })],
            }).ToArray();
            result.Add((featureNames[j], baseline - RankingMetrics.Compute(shuffled.Select(g => Scored(g, scorer))).Ndcg10));
            bar.Advance();
        }
        return result;
    }

    private static IReadOnlyList<(int Label, double Score)> Scored(RankingGroup g, RankerScorer scorer)
    {
        var scores = scorer.Score(g.Features);
        return [.. g.Labels.Select((l, i) => (l, scores[i]))];
    }
}
