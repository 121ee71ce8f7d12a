using MatchEngine.Engine.Matching;
using MatchEngine.Models.Ranking;
using RocAuc = MatchEngine.Models.Evaluation.Auc;

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
    public bool IsNarrow => Narrow(Auc);

    /// <summary>Whether a history whose proposals the features predict with <paramref name="auc"/> is narrow.</summary>
    public static bool Narrow(double auc) => auc >= NarrowFrom;

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
            if (RocAuc.Of(Array.ConvertAll(model.Score(g.Features), s => (double)s), isProposed) is { } auc) aucs.Add(auc);
        }
        return aucs.Count == 0 ? new ProposalPredictability(0.5, 0) : new ProposalPredictability(aucs.Average(), aucs.Count);
    }
}
