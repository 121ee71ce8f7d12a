using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Matching;

/// <summary>One retrieved candidate: the prepared record and its BM25 relevance to the vacancy's text (0 when none of its words match).</summary>
public readonly record struct RetrievedCandidate(PreparedCandidate Candidate, float Bm25);

/// <summary>
/// Shortlist retrieval, shared by serving and by every evaluation that ranks "as serving does": the
/// <see cref="ShortlistFilters.RetrievalDepth"/> best candidates by BM25 of the vacancy's text (consent and the filters'
/// walls only), merged with up to <see cref="StructuredDepth"/> candidates of a structured generator that text relevance
/// misses: people who want the vacancy's occupation or have worked in its ISCO unit group, then those with experience in
/// its sub-major group, then those holding one of its required skills, each living within twice their own maximum travel
/// distance (nearest to their reach first). A pool of at most <see cref="ExhaustivePool"/> candidates in the caller's
/// regions is not narrowed: every one of them is retrieved (the walls still apply), since ranking them all costs less
/// than a shortlist over a large pool and a hire with no visible link to the vacancy is then never lost. Thread-safe.
/// </summary>
public static class CandidateRetrieval
{
    /// <summary>Most candidates the structured generator adds to the text hits.</summary>
    public const int StructuredDepth = 500;

    /// <summary>The largest pool (consenting candidates in the filters' regions) that is retrieved whole.</summary>
    public const int ExhaustivePool = 3_000;

    /// <summary>The retrieved candidates of <paramref name="vacancy"/>: text hits in BM25 order, then the structured ones.</summary>
    public static IReadOnlyList<RetrievedCandidate> For(CatalogService catalog, CandidatePool pool, PreparedVacancy vacancy, ShortlistFilters filters)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(vacancy);
        ArgumentNullException.ThrowIfNull(filters);
        var query = filters.QueryFor(vacancy.Vacancy);
        var hits = catalog.Index.Search(query);
        var prepared = pool.Resolve(hits);
        var result = new List<RetrievedCandidate>(hits.Count + StructuredDepth);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < hits.Count; i++)
        {
            if (prepared[i] is not { } c) continue;
            result.Add(new RetrievedCandidate(c, hits[i].Score));
            seen.Add(hits[i].Id);
        }
        var structured = Structured(vacancy, pool.All, filters, seen);
        if (structured.Count == 0) return result;
        // Below the text hits' cut-off, but their BM25 is what training featurizes them with: one scoring query for all.
        var bm25 = catalog.Index.ScoreCandidates(query.Text, [.. structured.Select(c => c.Candidate.Id)]);
        result.AddRange(structured.Select(c => new RetrievedCandidate(c, bm25.GetValueOrDefault(c.Candidate.Id))));
        return result;
    }

    private static List<PreparedCandidate> Structured(PreparedVacancy vacancy, IReadOnlyCollection<PreparedCandidate> pool, ShortlistFilters filters, HashSet<string> seen)
    {
        var v = vacancy.Vacancy;
        var subMajor = v.Isco.Length >= 2 ? v.Isco[..2] : v.Isco;
        var byDay = filters.AvailableBy?.DayNumber;
        var regions = filters.Regions.Count == 0 ? null : filters.Regions.ToHashSet(StringComparer.Ordinal);
        var exhaustive = (regions is null ? pool.Count : pool.Count(c => regions.Contains(c.Candidate.Region))) <= ExhaustivePool;
        var found = new List<(PreparedCandidate C, int Tier, double Ratio)>();
        foreach (var c in pool)
        {
            // The cheap checks first: most of the pool is ruled out before any distance is computed.
            if (seen.Contains(c.Candidate.Id) || regions is not null && !regions.Contains(c.Candidate.Region)) continue;
            // The north-south distance alone is a lower bound of the great-circle distance (111.19 km per degree on a
            // 6,371 km sphere): most of a national pool is ruled out by it without the trigonometry.
            if (!exhaustive && Math.Abs(c.Location.Lat - v.Location.Lat) * 111.0 > 2 * c.MaxDistanceKm) continue;
            var km = v.Location.DistanceKm(c.Location);
            if (!exhaustive && km > 2 * c.MaxDistanceKm || (filters.MaxKm is { } max && km > max)) continue;
            if (filters.StrictHours && (c.HoursMax < v.HoursMin || c.HoursMin > v.HoursMax)) continue;
            if (filters.StrictShifts && (vacancy.Shifts & c.ShiftsOk) == 0) continue;
            if (byDay is { } day && c.AvailableFromDay > day) continue;
            var ratio = km / c.MaxDistanceKm;
            var tier = Tier(vacancy, c, subMajor);
            if (exhaustive || tier < 4 || ratio <= 1) found.Add((c, tier, ratio));
        }
        return [.. found.OrderBy(x => x.Tier).ThenBy(x => x.Ratio).ThenBy(x => x.C.Candidate.Id, StringComparer.Ordinal)
            .Take(exhaustive ? found.Count : StructuredDepth).Select(x => x.C)];
    }

    private static int Tier(PreparedVacancy v, PreparedCandidate c, string subMajor)
    {
        if (Array.IndexOf(c.DesiredIsco, v.Isco) >= 0 || c.YearsIn(v.Isco) > 0) return 0;
        foreach (var e in c.Candidate.Experience)
            if (e.Isco.StartsWith(subMajor, StringComparison.Ordinal)) return 1;
        return v.RequiredSkillKeys.CountShared(c.SkillKeys) > 0 ? 2 : c.DesiredSectorKeys.CountShared(v.Sector) > 0 ? 3 : 4;
    }
}
