using System.Runtime.InteropServices;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Index;

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
/// than a shortlist over a large pool and a hire with no visible link to the vacancy is then never lost. Candidates left
/// out by id (those at work, <see cref="ShortlistFilters.ExcludeWorking"/>) are a wall in both parts, so the depth is
/// filled with others. Thread-safe.
/// </summary>
public static class CandidateRetrieval
{
    /// <summary>Most candidates the structured generator adds to the text hits.</summary>
    public const int StructuredDepth = 500;

    /// <summary>
    /// The largest pool (consenting candidates in the filters' regions) that is retrieved whole, as the default synthetic region's
    /// 4,531 are (narrowed to 1,500, its retrieval kept 0.905 of the hires; what ranking them whole costs: docs/scaling.md section 2).
    /// </summary>
    public const int ExhaustivePool = 5_000;

    /// <summary>
    /// The retrieved candidates of <paramref name="vacancy"/>: text hits in BM25 order, then the structured ones; none of
    /// <paramref name="leftOut"/> (candidate ids; null: none left out).
    /// </summary>
    public static IReadOnlyList<RetrievedCandidate> For(CatalogService catalog, CandidatePool pool, PreparedVacancy vacancy, ShortlistFilters filters,
        IReadOnlySet<string>? leftOut = null) =>
        For(catalog, pool, vacancy, filters, whileSearching: null, leftOut);

    /// <summary>
    /// <see cref="For(CatalogService, CandidatePool, PreparedVacancy, ShortlistFilters, IReadOnlySet{string})"/>, handing the text search to
    /// <paramref name="whileSearching"/> before it is closed, so a caller can read the BM25 of other candidates from the
    /// same pass (<see cref="CandidateSearch.ScoresOf"/>).
    /// </summary>
    internal static IReadOnlyList<RetrievedCandidate> For(CatalogService catalog, CandidatePool pool, PreparedVacancy vacancy, ShortlistFilters filters,
        Action<CandidateSearch>? whileSearching, IReadOnlySet<string>? leftOut = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(vacancy);
        ArgumentNullException.ThrowIfNull(filters);
        var query = filters.QueryFor(vacancy.Vacancy) with { LeftOut = leftOut };
        using var search = catalog.Index.SearchKeepingScores(query);
        whileSearching?.Invoke(search);
        var hits = search.Hits;
        // One generation of the pool for the hits and the lists, so that the hits' ordinals are the lists' own.
        var generation = pool.Generation();
        var ordinals = generation.OrdinalsOf(hits);
        var prepared = generation.CandidatesOf(ordinals);
        var result = new List<RetrievedCandidate>(hits.Count + StructuredDepth);
        for (var i = 0; i < hits.Count; i++)
            if (prepared[i] is { } c) result.Add(new RetrievedCandidate(c, hits[i].Score));
        var lists = generation.Lists;
        var structured = Structured(vacancy, lists, filters, leftOut is null ? ordinals : [.. ordinals, .. leftOut.Select(lists.OrdinalOf)]);
        if (structured.Count == 0) return result;
        // Below the text hits' cut-off, but their BM25 is what training featurizes them with: read from the same pass.
        var bm25 = search.ScoresAt(lists.Ids, structured);
        for (var i = 0; i < structured.Count; i++) result.Add(new RetrievedCandidate(lists.All[structured[i]], bm25[i]));
        return result;
    }

    /// <summary>
    /// The ordinals in <paramref name="lists"/> of the structured generator's candidates for <paramref name="vacancy"/> (not
    /// among <paramref name="seen"/>, the ordinals of the candidates already found; negative: not listed), best tier and
    /// nearest to their reach first; <paramref name="scan"/> tests every candidate in scope instead of reading the lists,
    /// which gives the same answer and is there to prove it.
    /// </summary>
    internal static List<int> Structured(PreparedVacancy vacancy, CandidateLists lists, ShortlistFilters filters, IReadOnlyList<int> seen, bool scan = false)
    {
        var regions = filters.Regions.Count == 0 ? null : filters.Regions.ToHashSet(StringComparer.Ordinal);
        var inScope = regions is null ? lists.All.Length : regions.Sum(r => lists.InRegion(r).Length);
        // When the caller's regions hold the whole pool, the region wall keeps no one out: not testing it per candidate gives the same answer.
        if (inScope == lists.All.Length) regions = null;
        var walls = new Walls(vacancy, filters, regions, Exhaustive: inScope <= ExhaustivePool);
        var subMajor = vacancy.Vacancy.Isco.Length >= 2 ? vacancy.Vacancy.Isco[..2] : vacancy.Vacancy.Isco;
        var visited = new ulong[(lists.All.Length + 63) / 64];
        foreach (var o in seen)
            if (o >= 0) visited[o >> 6] |= 1UL << o;
        if (!scan && !walls.Exhaustive && subMajor.Length == 2) return ByTier(vacancy, lists, walls, regions, subMajor, visited);
        // A pool retrieved whole reads its tiers from the lists; the scan that proves the lists tests each candidate's records.
        var tiers = !scan && subMajor.Length == 2 ? ListedTiers(vacancy, lists, subMajor) : null;
        return Scanned(vacancy, lists, walls, regions, subMajor, visited, tiers);
    }

    /// <summary>
    /// The structured candidates tier by tier from the <see cref="CandidateLists"/>: the lists of the vacancy's unit group,
    /// then of its sub-major group, its required skills and its sector, then the rest of the pool in scope (within their
    /// own reach), each tier nearest to their reach first, until <see cref="StructuredDepth"/> are found. The same
    /// candidates in the same order as <see cref="Scanned"/> would give, without testing every candidate of the pool.
    /// </summary>
    private static List<int> ByTier(PreparedVacancy vacancy, CandidateLists lists, Walls walls, HashSet<string>? regions, string subMajor, ulong[] visited)
    {
        var found = new List<int>(StructuredDepth);
        // A tier can admit thousands; only the nearest to their reach that still fit are kept.
        var nearest = new BestOf<(double Ratio, int Ordinal), NearestFirst>(StructuredDepth);
        void Consider(int o, in CandidateHome home, bool withinReach)
        {
            ref var word = ref visited[o >> 6];
            var bit = 1UL << o;
            if ((word & bit) != 0) return;
            word |= bit;
            // Once the tier has kept as many as still fit, a candidate farther (over their reach) than the farthest kept is out.
            var farthest = nearest.HasFloor ? nearest.Floor.Ratio : double.PositiveInfinity;
            if (walls.Admit(lists, o, home, withinReach ? Math.Min(1, farthest) : farthest) is not { } ratio) return;
            nearest.Offer((ratio, o));
        }
        void Collect(int[] ordinals, bool withinReach)
        {
            foreach (var o in ordinals) Consider(o, lists.Homes[o], withinReach);
        }
        bool Filled()
        {
            foreach (var (_, o) in nearest.Sorted()) found.Add(o);
            nearest = new(StructuredDepth - found.Count);
            return found.Count >= StructuredDepth;
        }
        Collect(lists.InUnit(vacancy.Isco), withinReach: false);
        if (Filled()) return found;
        Collect(lists.InSubMajor(subMajor), withinReach: false);
        if (Filled()) return found;
        foreach (var skill in vacancy.RequiredSkillKeys.KeyIds) Collect(lists.WithSkill(skill), withinReach: false);
        if (Filled()) return found;
        foreach (var sector in vacancy.Sector.KeyIds) Collect(lists.WantingSector(sector), withinReach: false);
        if (Filled()) return found;
        if (regions is null)
            for (var o = 0; o < lists.All.Length; o++) Consider(o, lists.Homes[o], withinReach: true);
        else foreach (var region in regions) Collect(lists.InRegion(region), withinReach: true);
        Filled();
        return found;
    }

    /// <summary>
    /// Nearest to their reach first (distance over reach), then the lower ordinal: ordinals order candidates as their ids do
    /// (<see cref="CandidateLists"/>), so ties between equal shares go to the lower id.
    /// </summary>
    private readonly struct NearestFirst : IBestFirst<(double Ratio, int Ordinal)>
    {
        public static bool Better((double Ratio, int Ordinal) x, (double Ratio, int Ordinal) than) =>
            x.Ratio < than.Ratio || x.Ratio == than.Ratio && x.Ordinal < than.Ordinal;
    }

    /// <summary>
    /// The structured candidates by testing every candidate in scope: a small pool (retrieved whole) or a vacancy without a
    /// two-digit ISCO code. Each candidate's tier is read from <paramref name="tiers"/> when given, else from its records.
    /// </summary>
    private static List<int> Scanned(PreparedVacancy vacancy, CandidateLists lists, Walls walls, HashSet<string>? regions, string subMajor, ulong[] visited,
        byte[]? tiers)
    {
        // One list per tier, each ordered nearest to their reach first.
        var found = new List<(double Ratio, int Ordinal)>[5];
        for (var t = 0; t < found.Length; t++) found[t] = [];
        void Test(int o)
        {
            if ((visited[o >> 6] & (1UL << o)) != 0) return;
            if (walls.Admit(lists, o, lists.Homes[o]) is not { } ratio) return;
            var tier = tiers?[o] ?? Tier(vacancy, lists.All[o], subMajor);
            if (walls.Exhaustive || tier < 4 || ratio <= 1) found[tier].Add((ratio, o));
        }
        if (regions is null)
            for (var o = 0; o < lists.All.Length; o++) Test(o);
        else
            foreach (var region in regions)
                foreach (var o in lists.InRegion(region)) Test(o);
        var result = new List<int>();
        foreach (var tier in found)
        {
            var ordered = CollectionsMarshal.AsSpan(tier);
            BestOf<(double Ratio, int Ordinal), NearestFirst>.Sort(ordered);
            foreach (var (_, o) in ordered)
            {
                if (!walls.Exhaustive && result.Count == StructuredDepth) return result;
                result.Add(o);
            }
        }
        return result;
    }

    /// <summary>
    /// Every listed candidate's <see cref="Tier"/> for <paramref name="vacancy"/> (of the two-digit <paramref name="subMajor"/>),
    /// read from the lists <see cref="ByTier"/> walks: a pool retrieved whole is ordered by tier, and testing each candidate's
    /// experience, skills and sectors cost more than the rest of its retrieval.
    /// </summary>
    private static byte[] ListedTiers(PreparedVacancy vacancy, CandidateLists lists, string subMajor)
    {
        var tiers = new byte[lists.All.Length];
        Array.Fill(tiers, (byte)4);
        // From the worst tier to the best, so that a candidate ends in the best tier whose list holds them.
        foreach (var sector in vacancy.Sector.KeyIds) Mark(lists.WantingSector(sector), 3);
        foreach (var skill in vacancy.RequiredSkillKeys.KeyIds) Mark(lists.WithSkill(skill), 2);
        Mark(lists.InSubMajor(subMajor), 1);
        Mark(lists.InUnit(vacancy.Isco), 0);
        return tiers;

        void Mark(int[] ordinals, byte tier)
        {
            foreach (var o in ordinals) tiers[o] = tier;
        }
    }

    /// <summary>What keeps a candidate out of the structured generator: the caller's regions and hard filters, and, unless the pool is retrieved whole, living beyond twice their own reach.</summary>
    private readonly record struct Walls(PreparedVacancy Vacancy, ShortlistFilters Filters, HashSet<string>? Regions, bool Exhaustive)
    {
        private readonly SpherePoint _at = Vacancy.Place;
        private readonly bool _strict = Filters.StrictHours || Filters.StrictShifts || Filters.AvailableBy is not null;

        /// <summary>
        /// The distance of candidate <paramref name="o"/> as a share of their own maximum travel distance, or null when a wall
        /// keeps them out or the share is above <paramref name="limit"/>.
        /// </summary>
        public double? Admit(CandidateLists lists, int o, in CandidateHome home, double limit = double.PositiveInfinity)
        {
            // Distance first: the chord needs no trigonometry and, on a large pool, rules most candidates out.
            var chord = _at.ChordSquared(home.Place);
            if (!Exhaustive && chord > home.TwiceReach) return null;
            if (SpherePoint.KmAtLeast(chord) > limit * home.Reach) return null;
            if (Regions is not null && !Regions.Contains(lists.All[o].Candidate.Region)) return null;
            var km = SpherePoint.Km(chord);
            if (Filters.MaxKm is { } max && km > max) return null;
            if (_strict && !MeetsStrictFilters(lists.All[o])) return null;
            var ratio = km / home.Reach;
            return ratio > limit ? null : ratio;
        }

        private bool MeetsStrictFilters(PreparedCandidate c)
        {
            var v = Vacancy.Vacancy;
            if (Filters.StrictHours && (c.HoursMax < v.HoursMin || c.HoursMin > v.HoursMax)) return false;
            if (Filters.StrictShifts && (Vacancy.Shifts & c.ShiftsOk) == 0) return false;
            return Filters.AvailableBy is not { } by || c.AvailableFromDay <= by.DayNumber;
        }
    }

    /// <summary>
    /// A candidate's tier for a vacancy, from their records: 0 wants its unit group or has years in it, 1 has experience in its
    /// sub-major group, 2 holds one of its required skills, 3 wants its sector, 4 none of these.
    /// </summary>
    private static int Tier(PreparedVacancy v, PreparedCandidate c, string subMajor)
    {
        if (Array.IndexOf(c.DesiredIsco, v.Isco) >= 0 || c.YearsIn(v.Isco) > 0) return 0;
        foreach (var e in c.Candidate.Experience)
            if (e.Isco.StartsWith(subMajor, StringComparison.Ordinal)) return 1;
        return v.RequiredSkillKeys.CountShared(c.SkillKeys) > 0 ? 2 : c.DesiredSectorKeys.CountShared(v.Sector) > 0 ? 3 : 4;
    }
}
