using MatchEngine.Engine.Matching;
using MatchEngine.Training.Fairness;

namespace MatchEngine.Training.Ranking;

/// <summary>
/// What fair re-ranking (<see cref="FairReranking"/>) does to a ranker's whole-pool shortlists: each group's qualified-exposure ratio
/// (share of the top 10 over share of the qualified pool) with and without it, and the order it produces as scores any whole-pool
/// metric can read (the re-ranked top 10 first, the rest in the model's order). Stateless.
/// </summary>
public static class FairRerankingEffect
{
    /// <summary>
    /// Scores that rank <paramref name="group"/>'s pool as a fairly re-ranked shortlist of <see cref="RankerFairnessAudit.Top"/> would:
    /// the re-ranked top above everyone, in its order, then the rest by <paramref name="scores"/>.
    /// </summary>
    public static double[] Reranked(WholePoolGroup group, IReadOnlyList<double> scores, IReadOnlyDictionary<string, PreparedCandidate> candidates, FairExposure fair)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(fair);
        var day = group.Logged.Vacancy.PostedAt;
        return Reranked(group, scores, Ranked(scores),
            i => candidates.GetValueOrDefault(group.CandidateIds[i]) is { } c ? ProtectedGroup.Of(c.Candidate, fair.Attribute, day) : "unknown", fair);
    }

    /// <summary>The positions of <paramref name="scores"/> from the highest score down, ties by position (as whole-pool evaluation ranks).</summary>
    public static int[] Ranked(IReadOnlyList<double> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var ranked = new int[scores.Count];
        for (var i = 0; i < ranked.Length; i++) ranked[i] = i;
        Array.Sort(ranked, (a, b) => scores[b].CompareTo(scores[a]) is var c && c != 0 ? c : a.CompareTo(b));
        return ranked;
    }

    /// <summary>
    /// The same with the pool's positions <paramref name="ranked"/> by <paramref name="scores"/> (<see cref="Ranked"/>) and each candidate's group of
    /// <paramref name="fair"/>'s attribute given by position (<paramref name="groupOf"/>; "unknown" for one not in the pool).
    /// </summary>
    public static double[] Reranked(WholePoolGroup group, IReadOnlyList<double> scores, IReadOnlyList<int> ranked, Func<int, string> groupOf, FairExposure fair)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(groupOf);
        ArgumentNullException.ThrowIfNull(fair);
        var top = FairReranking.Rerank(ranked, groupOf, i => Qualification.Meets(group.Features[i]), RankerFairnessAudit.Top, fair.Share);
        var result = scores.ToArray();
        var above = scores.Count == 0 ? 0 : scores.Max() + 1;
        for (var k = 0; k < top.Length; k++) result[top[k]] = above + top.Length - k;
        return result;
    }

    /// <summary>
    /// Per group of <paramref name="attribute"/>, the share of the top 10 over the share of the qualified pool (each vacancy's qualified
    /// share weighted by its top places, as the audit's <c>exposure_qualified</c>), over every group of <paramref name="pool"/> with a qualified
    /// candidate, ranked by <paramref name="score"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, double> QualifiedExposure(WholePool pool, Func<WholePoolGroup, IReadOnlyList<double>> score,
        IReadOnlyDictionary<string, PreparedCandidate> candidates, string attribute)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(candidates);
        var qualified = new Dictionary<string, double>(StringComparer.Ordinal);
        var exposed = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var g in pool.Groups)
        {
            var s = score(g);
            var top = RankerFairnessAudit.TopOf([.. s]);
            var rows = Enumerable.Range(0, g.CandidateIds.Count).Where(i => candidates.ContainsKey(g.CandidateIds[i])).ToArray();
            var qualifiedRows = rows.Count(i => Qualification.Meets(g.Features[i]));
            if (qualifiedRows == 0) continue;
            var places = rows.Count(top.Contains);
            foreach (var i in rows)
            {
                var group = ProtectedGroup.Of(candidates[g.CandidateIds[i]].Candidate, attribute, g.Logged.Vacancy.PostedAt);
                if (Qualification.Meets(g.Features[i])) qualified[group] = qualified.GetValueOrDefault(group) + places / (double)qualifiedRows;
                if (top.Contains(i)) exposed[group] = exposed.GetValueOrDefault(group) + 1;
            }
        }
        var (q, e) = (qualified.Values.Sum(), exposed.Values.Sum());
        return qualified.Keys.Union(exposed.Keys).Order(StringComparer.Ordinal).ToDictionary(k => k,
            k => q == 0 || e == 0 || qualified.GetValueOrDefault(k) == 0 ? double.NaN : exposed.GetValueOrDefault(k) / e / (qualified[k] / q), StringComparer.Ordinal);
    }
}
