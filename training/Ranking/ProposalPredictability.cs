using MatchEngine.Engine.Matching;
using MatchEngine.Models.Ranking;

namespace MatchEngine.Training.Ranking;

/// <summary>
/// How well the pair features tell whom the old policy proposed: a logistic regression of "proposed" on the training
/// vacancies' proposals against the unproposed candidates sampled from their retrieved pools, and its AUC on the held-out
/// vacancies' whole pools (the proposed against every other retrieved candidate), averaged over those vacancies. Near 0.5
/// the old proposals were spread over the pool as if by chance; near 1 the policy kept the rest of the pool out by what
/// the features show (a text search, say), so nothing in the history tells how well a model ranks that rest: whole-pool
/// metrics on recorded outcomes then mostly reward resembling the old proposals. Immutable.
/// </summary>
public sealed record ProposalPredictability(double Auc, int Groups)
{
    /// <summary>The AUC from which the history counts as narrow (<see cref="IsNarrow"/>).</summary>
    public const double NarrowFrom = 0.90;

    /// <summary>True when the old proposals are predictable enough that the history says nothing of the pool beyond them.</summary>
    public bool IsNarrow => Auc >= NarrowFrom;

    /// <summary>
    /// Fits on <paramref name="proposed"/> (the training vacancies' logged pairs, any label) against
    /// <paramref name="unproposed"/> (candidates sampled from the same vacancies' retrieved pools) and measures on the
    /// groups of <paramref name="wholePool"/>; an AUC of 0.5 over no groups when either side is empty.
    /// </summary>
    public static ProposalPredictability Measure(IReadOnlyList<RankingRow> proposed, IReadOnlyList<RankingRow> unproposed, WholePool wholePool, int seed)
    {
        ArgumentNullException.ThrowIfNull(proposed);
        ArgumentNullException.ThrowIfNull(unproposed);
        ArgumentNullException.ThrowIfNull(wholePool);
        if (proposed.Count == 0 || unproposed.Count == 0) return new ProposalPredictability(0.5, 0);
        var rows = proposed.Select(r => r with { Label = 1 }).Concat(unproposed.Select(r => r with { Label = 0 })).ToArray();
        var model = RankerTrainer.Train(RankerKind.Logistic, rows, PairFeatures.Names, new RankerOptions(Seed: seed));
        var aucs = new List<double>();
        foreach (var g in wholePool.Groups)
        {
            var logged = g.Logged.CandidateIds.ToHashSet(StringComparer.Ordinal);
            var isProposed = g.CandidateIds.Select(logged.Contains).ToArray();
            if (AreaUnderRoc(model.Score(g.Features), isProposed) is { } auc) aucs.Add(auc);
        }
        return aucs.Count == 0 ? new ProposalPredictability(0.5, 0) : new ProposalPredictability(aucs.Average(), aucs.Count);
    }

    /// <summary>
    /// The chance that a random positive scores above a random negative, ties counting half (the Mann–Whitney statistic over
    /// the ranks, ties at their mean rank); null without a positive or without a negative.
    /// </summary>
    public static double? AreaUnderRoc(IReadOnlyList<float> scores, IReadOnlyList<bool> positive)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(positive);
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        double positives = 0, rankSum = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]]) end++;
            var meanRank = (start + end) / 2.0 + 1;
            for (var k = start; k <= end; k++)
                if (positive[order[k]])
                {
                    positives++;
                    rankSum += meanRank;
                }
            start = end + 1;
        }
        var negatives = order.Length - positives;
        if (positives == 0 || negatives == 0) return null;
        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
    }
}
