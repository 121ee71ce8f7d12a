using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Index;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Ranking;

namespace MatchEngine.Training.Fairness;

/// <summary>
/// Audits a ranker's shortlists by protected attribute — age band, gender, migration background — which
/// are read here and nowhere near a feature vector. For each audited vacancy the eligible pool is what
/// retrieval returns (consent, reach, hours, shifts), the model ranks it, and the top 10 are the exposure.
/// Groups with fewer than <see cref="MinimumPool"/> eligible candidates in total are reported but do not
/// decide the minimum ratio, so a handful of people cannot block or pass a model.
/// </summary>
public sealed class RankerFairnessAudit(CatalogService catalog, CandidatePool pool)
{
    /// <summary>Shortlist length whose exposure is audited.</summary>
    public const int Top = 10;

    /// <summary>Smallest group (eligible candidate-vacancy pairs) that counts toward the minimum ratio.</summary>
    public const int MinimumPool = 30;

    public FairnessReport Audit(TrainedRanker model, IReadOnlyList<Vacancy> vacancies, double threshold)
    {
        var poolCounts = new Dictionary<(string, string), int>();
        var topCounts = new Dictionary<(string, string), int>();
        var audited = 0;
        foreach (var vacancy in vacancies)
        {
            var prepared = new PreparedVacancy(vacancy, catalog.Store.GetEmployer(vacancy.EmployerId));
            var hits = CandidateRetrieval.For(catalog, pool, prepared, new ShortlistFilters()).Select(r => (h: new SearchHit(r.Candidate.Candidate.Id, r.Bm25), c: r.Candidate)).ToArray();
            if (hits.Length <= Top) continue;
            audited++;
            var scores = model.Score(hits.Select(x => PairFeatures.Featurize(prepared, x.c!, x.h.Score)).ToArray());
            var top = Enumerable.Range(0, hits.Length).OrderByDescending(i => scores[i]).Take(Top).ToHashSet();
            for (var i = 0; i < hits.Length; i++)
            {
                foreach (var key in Groups(hits[i].c!.Candidate, vacancy.PostedAt))
                {
                    poolCounts[key] = poolCounts.GetValueOrDefault(key) + 1;
                    if (top.Contains(i)) topCounts[key] = topCounts.GetValueOrDefault(key) + 1;
                }
            }
        }
        var groups = new List<FairnessGroup>();
        foreach (var attribute in poolCounts.Keys.Select(k => k.Item1).Distinct().Order(StringComparer.Ordinal))
        {
            var keys = poolCounts.Keys.Where(k => k.Item1 == attribute).ToArray();
            var poolTotal = keys.Sum(k => poolCounts[k]);
            var topTotal = keys.Sum(k => topCounts.GetValueOrDefault(k));
            var rates = keys.ToDictionary(k => k, k => topCounts.GetValueOrDefault(k) / (double)poolCounts[k]);
            var best = keys.Where(k => poolCounts[k] >= MinimumPool).Select(k => rates[k]).DefaultIfEmpty(0).Max();
            groups.AddRange(keys.OrderBy(k => k.Item2, StringComparer.Ordinal).Select(k => new FairnessGroup(attribute, k.Item2,
                poolCounts[k] / (double)poolTotal, topTotal == 0 ? 0 : topCounts.GetValueOrDefault(k) / (double)topTotal, rates[k], best == 0 ? 1 : rates[k] / best)));
        }
        var min = groups.Where(g => poolCounts[(g.Attribute, g.Group)] >= MinimumPool).Select(g => g.SelectionRatio).DefaultIfEmpty(1).Min();
        return new FairnessReport(groups, audited, min, threshold);
    }

    private static IEnumerable<(string, string)> Groups(Candidate c, DateOnly day)
    {
        var age = c.BirthYear is { } year ? day.Year - year : (int?)null;
        yield return ("age_band", age switch { null => "unknown", < 25 => "<25", < 35 => "25-35", < 45 => "35-45", < 55 => "45-55", _ => "55+" });
        yield return ("gender", c.Protected?.Gender ?? "unknown");
        yield return ("migration_background", c.Protected?.MigrationBackground ?? "unknown");
    }
}
