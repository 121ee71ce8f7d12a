using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Domain;
using MatchEngine.Models.Ranking;
using MatchEngine.Training.Ranking;

namespace MatchEngine.Training.Synth;

/// <summary>
/// The most any ranker can reach on a synthetic region: the held-out groups of the ranker's time split
/// ranked by the generator's hidden truth without its pair noise (<see cref="Compatibility.ExpectedLogOdds"/>).
/// Outcomes are still random draws from that truth, so even this oracle loses NDCG; a learned ranker's
/// headroom over a baseline is the distance to this ceiling, not to 1. Meaningful only on a region made
/// by <c>matchengine synth</c>.
/// </summary>
public static class RankingCeiling
{
    public static (RankingMetrics Oracle, int TestGroups, DateOnly SplitDate) Measure(CatalogService catalog, IReadOnlyList<RankingGroup> groups)
    {
        var (_, test, split) = RankingDataset.TimeSplit(groups);
        var oracle = RankingMetrics.Compute(test.Select(g =>
        {
            var employer = catalog.Store.GetEmployer(g.Vacancy.EmployerId)
                ?? throw new InvalidOperationException($"vacancy {g.Vacancy.Id}: employer {g.Vacancy.EmployerId} is missing");
            return (IReadOnlyList<(int, double)>)g.CandidateIds.Select((id, i) =>
            {
                var candidate = catalog.Store.GetCandidate(id) ?? throw new InvalidOperationException($"candidate {id} is missing");
                return (g.Labels[i], Compatibility.ExpectedLogOdds(g.Vacancy, employer, candidate));
            }).ToArray();
        }));
        return (oracle, test.Length, split);
    }
}
