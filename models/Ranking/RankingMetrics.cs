namespace MatchEngine.Models.Ranking;

/// <summary>
/// Ranking quality over groups (vacancies) of (label, score) pairs, computed the same way for every
/// model and baseline: NDCG@5 and @10 (gain 2^label − 1, log2 discount; groups without any relevant
/// item left out), MAP (relevant = label ≥ 1) and recall@50 of the best label (the hires, micro-averaged).
/// Ties in score keep the order given.
/// </summary>
public sealed record RankingMetrics(double Ndcg5, double Ndcg10, double Map, double RecallAt50, int Groups)
{
    /// <summary>The metrics as a name → value dictionary (for manifests and reports).</summary>
    public IReadOnlyDictionary<string, double> ToDictionary() => new Dictionary<string, double>
    {
        ["ndcg@5"] = Ndcg5, ["ndcg@10"] = Ndcg10, ["map"] = Map, ["recall@50"] = RecallAt50, ["groups"] = Groups,
    };

    /// <summary>
    /// The metrics of <paramref name="groups"/>; with <paramref name="ndcg10PerGroup"/>, each counted group's NDCG@10 added to
    /// it in group order (for paired comparisons of two models on the same groups).
    /// </summary>
    public static RankingMetrics Compute(IEnumerable<IReadOnlyList<(int Label, double Score)>> groups, int topLabel = 2, List<double>? ndcg10PerGroup = null)
    {
        double ndcg5 = 0, ndcg10 = 0, map = 0;
        int counted = 0, hires = 0, hiresFound = 0;
        foreach (var group in groups)
        {
            var ranked = group.Select((x, i) => (x.Label, x.Score, i)).OrderByDescending(x => x.Score).ThenBy(x => x.i).Select(x => x.Label).ToArray();
            hires += ranked.Count(l => l >= topLabel);
            hiresFound += ranked.Take(50).Count(l => l >= topLabel);
            if (ranked.All(l => l == 0)) continue;
            counted++;
            ndcg5 += Ndcg(ranked, 5);
            var groupNdcg10 = Ndcg(ranked, 10);
            ndcg10 += groupNdcg10;
            ndcg10PerGroup?.Add(groupNdcg10);
            map += AveragePrecision(ranked);
        }
        return counted == 0
            ? new RankingMetrics(0, 0, 0, 0, 0)
            : new RankingMetrics(ndcg5 / counted, ndcg10 / counted, map / counted, hires == 0 ? 0 : hiresFound / (double)hires, counted);
    }

    /// <summary>NDCG at <paramref name="k"/> of labels in ranked order.</summary>
    public static double Ndcg(IReadOnlyList<int> rankedLabels, int k)
    {
        var ideal = Dcg(rankedLabels.OrderByDescending(l => l).ToArray(), k);
        return ideal == 0 ? 0 : Dcg(rankedLabels, k) / ideal;
    }

    /// <summary>Average precision of labels in ranked order; relevant means label ≥ 1.</summary>
    public static double AveragePrecision(IReadOnlyList<int> rankedLabels)
    {
        double hits = 0, sum = 0;
        for (var i = 0; i < rankedLabels.Count; i++)
        {
            if (rankedLabels[i] < 1) continue;
            hits++;
            sum += hits / (i + 1);
        }
        return hits == 0 ? 0 : sum / hits;
    }

    /// <summary>
    /// Inverse-propensity-weighted NDCG@<paramref name="k"/> and recall@<paramref name="k"/> over groups of
    /// (label, score, weight), where weight is 1/θ(logged position) of the pair (1 when none was logged). Each
    /// relevant item's gain counts <c>weight</c> times, in the ranking's DCG and in the ideal one (ideal order by
    /// weighted gain), so NDCG stays in [0, 1]; recall is the weighted share of relevant items (label ≥ 1) in the
    /// top k, micro-averaged. With all weights 1 the NDCG equals <see cref="Ndcg"/>. Groups without a relevant
    /// item are left out.
    /// </summary>
    public static (double Ndcg, double Recall, int Groups) InversePropensity(IEnumerable<IReadOnlyList<(int Label, double Score, double Weight)>> groups, int k = 10)
    {
        ArgumentNullException.ThrowIfNull(groups);
        double ndcg = 0, found = 0, relevant = 0;
        var counted = 0;
        foreach (var group in groups)
        {
            var ranked = group.Select((x, i) => (x.Label, x.Score, x.Weight, i)).OrderByDescending(x => x.Score).ThenBy(x => x.i).ToArray();
            if (ranked.All(x => x.Label == 0)) continue;
            counted++;
            double dcg = 0;
            for (var r = 0; r < Math.Min(k, ranked.Length); r++) dcg += ranked[r].Weight * (Math.Pow(2, ranked[r].Label) - 1) / Math.Log2(r + 2);
            var ideal = ranked.Select(x => x.Weight * (Math.Pow(2, x.Label) - 1)).OrderByDescending(g => g).Take(k).Select((g, r) => g / Math.Log2(r + 2)).Sum();
            ndcg += ideal == 0 ? 0 : dcg / ideal;
            relevant += ranked.Where(x => x.Label >= 1).Sum(x => x.Weight);
            found += ranked.Take(k).Where(x => x.Label >= 1).Sum(x => x.Weight);
        }
        return counted == 0 ? (0, 0, 0) : (ndcg / counted, relevant == 0 ? 0 : found / relevant, counted);
    }

    /// <summary>Discounted cumulative gain of the first <paramref name="k"/> graded labels, with gain 2^label − 1.</summary>
    public static double Dcg(IReadOnlyList<int> labels, int k)
    {
        var dcg = 0.0;
        for (var i = 0; i < Math.Min(k, labels.Count); i++) dcg += (Math.Pow(2, labels[i]) - 1) / Math.Log2(i + 2);
        return dcg;
    }
}
