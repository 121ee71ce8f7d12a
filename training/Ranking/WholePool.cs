using MatchEngine.Models.Ranking;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Matching;
using MatchEngine.Training.Progress;

namespace MatchEngine.Training.Ranking;

/// <summary>
/// One held-out vacancy as serving sees it: every candidate that shortlist retrieval (<see cref="CandidateRetrieval"/>)
/// returns at the default depth (consent always, no other wall: <see cref="ShortlistFilters"/> with nothing set), featurized by the serving
/// featurizer with the retrieval's BM25, labelled from the history (hired 2, invited 1, otherwise 0), and the invited or
/// hired candidates that retrieval did not return (<see cref="Missed"/>), who count as not found.
/// </summary>
public sealed record WholePoolGroup(RankingGroup Logged, IReadOnlyList<string> CandidateIds, IReadOnlyList<int> Labels, IReadOnlyList<float[]> Features,
    IReadOnlyList<int> Missed);

/// <summary>
/// Whole-pool evaluation: ranks the whole consenting pool of each held-out vacancy with an outcome (an invitation or a
/// hire) as serving ranks it, and reports where the invited and hired candidates land: recall@10 and recall@50 of the
/// invited-or-hired, recall@10 of the hires, MRR of the first of them, and NDCG@10 with stage grades (hired 2, invited 1;
/// the ideal holds every invited or hired candidate, retrieved or not). Immutable.
/// </summary>
public sealed record WholePool(IReadOnlyList<WholePoolGroup> Groups)
{
    /// <summary>Most held-out groups ranked whole: each costs a retrieval and the features of its whole pool (about 1,500 vectors).</summary>
    public const int MaxGroups = 1_000;

    /// <summary>
    /// Retrieves and featurizes the pool of every held-out group with an invitation or a hire; of more than
    /// <see cref="MaxGroups"/>, an evenly spaced selection in the held-out order (so every period of the held-out months
    /// is in it, and the same data gives the same groups).
    /// </summary>
    public static WholePool Build(CatalogService catalog, CandidatePool pool, IReadOnlyList<RankingGroup> test, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(test);
        var all = test.Where(g => g.Labels.Any(l => l > 0)).ToArray();
        var withOutcome = EvenlySpaced.Take(all, MaxGroups);
        if (withOutcome.Count < all.Length)
            progress.WriteLine($"ranker: the whole pool is ranked for {withOutcome.Count} of the {all.Length} held-out vacancies with an outcome, evenly spaced");
        var groups = new WholePoolGroup[withOutcome.Count];
        using var line = new ProgressLine(progress, "ranker: retrieving the whole pool of the held-out vacancies", withOutcome.Count);
        for (var i = 0; i < withOutcome.Count; i++)
        {
            groups[i] = Of(catalog, pool, withOutcome[i]);
            line.Advance();
        }
        return new WholePool(groups);
    }

    private static WholePoolGroup Of(CatalogService catalog, CandidatePool pool, RankingGroup g)
    {
        var prepared = new PreparedVacancy(g.Vacancy, catalog.Store.GetEmployer(g.Vacancy.EmployerId));
        var hits = CandidateRetrieval.For(catalog, pool, prepared, new ShortlistFilters());
        var labels = g.CandidateIds.Select((id, i) => (id, g.Labels[i])).ToDictionary(x => x.id, x => x.Item2, StringComparer.Ordinal);
        var ids = hits.Select(h => h.Candidate.Candidate.Id).ToArray();
        var features = hits.Select(h => PairFeatures.Featurize(prepared, h.Candidate, h.Bm25)).ToArray();
        var found = ids.Select(id => labels.GetValueOrDefault(id)).ToArray();
        var retrieved = ids.ToHashSet(StringComparer.Ordinal);
        var missed = labels.Where(x => x.Value > 0 && !retrieved.Contains(x.Key)).Select(x => x.Value).ToArray();
        return new WholePoolGroup(g, ids, found, features, missed);
    }

    /// <summary>Share of the invited or hired candidates that retrieval returns.</summary>
    public double RetrievalRecall
    {
        get
        {
            var found = Groups.Sum(g => g.Labels.Count(l => l > 0));
            var all = found + Groups.Sum(g => g.Missed.Count);
            return all == 0 ? 0 : found / (double)all;
        }
    }

    /// <summary>
    /// The metrics of ranking every group's pool by <paramref name="score"/> (higher first; ties by retrieval order); with
    /// <paramref name="ndcg10PerGroup"/>, each group's NDCG@10 added to it in group order.
    /// </summary>
    public WholePoolMetrics Evaluate(Func<IReadOnlyList<float[]>, double[]> score, List<double>? ndcg10PerGroup = null)
    {
        ArgumentNullException.ThrowIfNull(score);
        var ranked = Groups.Select(g =>
        {
            var s = score(g.Features);
            return ((IReadOnlyList<int>)[.. Enumerable.Range(0, s.Length).OrderByDescending(i => s[i]).ThenBy(i => i).Select(i => g.Labels[i])], g.Missed);
        }).ToArray();
        ndcg10PerGroup?.AddRange(ranked.Select(r => WholePoolMetrics.GroupNdcg10(r.Item1, r.Missed)));
        return WholePoolMetrics.Compute(ranked);
    }
}

/// <summary>Whole-pool metrics (see <see cref="WholePool"/>), averaged over groups except the recalls, which are micro-averaged.</summary>
public sealed record WholePoolMetrics(double Recall10, double Recall50, double HireRecall10, double Mrr, double Ndcg10, int Groups)
{
    /// <summary>Named keys for manifests, reports and the metrics JSON.</summary>
    public IReadOnlyDictionary<string, double> ToDictionary() => new Dictionary<string, double>
    {
        ["whole_pool.recall@10"] = Recall10, ["whole_pool.recall@50"] = Recall50, ["whole_pool.hire_recall@10"] = HireRecall10,
        ["whole_pool.mrr"] = Mrr, ["whole_pool.ndcg@10"] = Ndcg10, ["whole_pool.groups"] = Groups,
    };

    /// <summary>From each group's labels in ranked order and the labels of the relevant candidates never ranked.</summary>
    public static WholePoolMetrics Compute(IEnumerable<(IReadOnlyList<int> Ranked, IReadOnlyList<int> Missed)> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        double mrr = 0, ndcg = 0;
        int counted = 0, relevant = 0, in10 = 0, in50 = 0, hires = 0, hiresIn10 = 0;
        foreach (var (ranked, missed) in groups)
        {
            var all = ranked.Where(l => l > 0).Concat(missed).OrderDescending().ToArray();
            if (all.Length == 0) continue;
            counted++;
            relevant += all.Length;
            hires += all.Count(l => l >= 2);
            in10 += ranked.Take(10).Count(l => l > 0);
            in50 += ranked.Take(50).Count(l => l > 0);
            hiresIn10 += ranked.Take(10).Count(l => l >= 2);
            var first = -1;
            for (var i = 0; i < ranked.Count && first < 0; i++)
                if (ranked[i] > 0) first = i;
            mrr += first < 0 ? 0 : 1.0 / (first + 1);
            ndcg += GroupNdcg10(ranked, missed);
        }
        return counted == 0
            ? new WholePoolMetrics(0, 0, 0, 0, 0, 0)
            : new WholePoolMetrics(in10 / (double)relevant, in50 / (double)relevant, hires == 0 ? 0 : hiresIn10 / (double)hires, mrr / counted, ndcg / counted, counted);
    }

    /// <summary>One group's NDCG@10 with stage grades; the ideal holds every invited or hired candidate, ranked or <paramref name="missed"/>.</summary>
    public static double GroupNdcg10(IReadOnlyList<int> ranked, IReadOnlyList<int> missed)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(missed);
        var ideal = RankingMetrics.Dcg([.. ranked.Where(l => l > 0).Concat(missed).OrderDescending()], 10);
        return ideal == 0 ? 0 : RankingMetrics.Dcg(ranked, 10) / ideal;
    }
}
