using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Matching;

/// <summary>
/// One generation of the candidate pool listed the ways the structured generator of <see cref="CandidateRetrieval"/>
/// looks for people: by region, by ISCO unit group they want or have worked in, by the sub-major group of their
/// experience, by skill and by desired sector. A shortlist then reads the lists of its vacancy's occupation, skills and
/// sector instead of testing every candidate of a region of 100,000. Each candidate has an ordinal (its place in
/// <see cref="All"/>, which is in id order, so ordinals order candidates as their ids do); the lists hold ordinals in
/// ascending order. Built once per generation; immutable and thread-safe.
/// </summary>
internal sealed class CandidateLists
{
    private static readonly int[] None = [];
    private readonly Dictionary<string, int> _ordinals;
    private readonly Dictionary<string, int[]> _byRegion;
    private readonly Dictionary<int, int[]> _byUnit;
    private readonly Dictionary<string, int[]> _bySubMajor;
    private readonly Dictionary<int, int[]> _bySkill;
    private readonly Dictionary<int, int[]> _bySector;

    public CandidateLists(IReadOnlyCollection<PreparedCandidate> candidates)
    {
        All = [.. candidates.OrderBy(c => c.Candidate.Id, StringComparer.Ordinal)];
        Ids = Array.ConvertAll(All, c => c.Candidate.Id);
        Homes = new CandidateHome[All.Length];
        _ordinals = new Dictionary<string, int>(All.Length, StringComparer.Ordinal);
        var byRegion = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var byUnit = new Dictionary<int, List<int>>();
        var bySubMajor = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var bySkill = new Dictionary<int, List<int>>();
        var bySector = new Dictionary<int, List<int>>();
        var units = new HashSet<int>();
        var subMajors = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < All.Length; i++)
        {
            var c = All[i];
            _ordinals[c.Candidate.Id] = i;
            Homes[i] = new CandidateHome(c.Place, SpherePoint.ChordSquaredOf(2 * c.MaxDistanceKm), c.MaxDistanceKm);
            Add(byRegion, c.Candidate.Region, i);
            units.Clear();
            foreach (var isco in c.DesiredIsco) units.Add(isco);
            foreach (var e in c.Experience)
                if (c.YearsIn(e.Isco) > 0) units.Add(e.Isco);
            foreach (var unit in units) Add(byUnit, unit, i);
            subMajors.Clear();
            foreach (var e in c.Candidate.Experience)
                if (e.Isco.Length >= 2) subMajors.Add(e.Isco[..2]);
            foreach (var subMajor in subMajors) Add(bySubMajor, subMajor, i);
            foreach (var skill in c.SkillKeys.KeyIds) Add(bySkill, skill, i);
            foreach (var sector in c.DesiredSectorKeys.KeyIds) Add(bySector, sector, i);
        }
        _byRegion = Frozen(byRegion, StringComparer.Ordinal);
        _byUnit = Frozen(byUnit, EqualityComparer<int>.Default);
        _bySubMajor = Frozen(bySubMajor, StringComparer.Ordinal);
        _bySkill = Frozen(bySkill, EqualityComparer<int>.Default);
        _bySector = Frozen(bySector, EqualityComparer<int>.Default);
    }

    /// <summary>Every candidate of the generation, by id (ordinal string order); a candidate's ordinal is its index here.</summary>
    public PreparedCandidate[] All { get; }

    /// <summary>Each candidate's id, by ordinal; one list per generation, so what is looked up for it can be kept with it (<see cref="Index.CandidateSearch.ScoresAt"/>).</summary>
    public string[] Ids { get; }

    /// <summary>Where each candidate lives and how far they travel, by ordinal: the generator reads these in list order without following each candidate.</summary>
    public CandidateHome[] Homes { get; }

    /// <summary>The ordinal of the candidate with <paramref name="id"/>, or -1 when it is not in the generation.</summary>
    public int OrdinalOf(string id) => _ordinals.GetValueOrDefault(id, -1);

    /// <summary>Candidates living in <paramref name="region"/>.</summary>
    public int[] InRegion(string region) => _byRegion.GetValueOrDefault(region, None);

    /// <summary>Candidates who want ISCO unit group <paramref name="isco"/> (an <see cref="IscoCodes"/> id) or have years of experience in it.</summary>
    public int[] InUnit(int isco) => _byUnit.GetValueOrDefault(isco, None);

    /// <summary>Candidates with experience in an ISCO code starting with the two digits <paramref name="subMajor"/>.</summary>
    public int[] InSubMajor(string subMajor) => _bySubMajor.GetValueOrDefault(subMajor, None);

    /// <summary>Candidates holding the skill with label id <paramref name="skill"/> (<see cref="LabelSet.KeyIds"/>).</summary>
    public int[] WithSkill(int skill) => _bySkill.GetValueOrDefault(skill, None);

    /// <summary>Candidates who want to work in the sector with label id <paramref name="sector"/>.</summary>
    public int[] WantingSector(int sector) => _bySector.GetValueOrDefault(sector, None);

    private static void Add<TKey>(Dictionary<TKey, List<int>> lists, TKey key, int ordinal) where TKey : notnull
    {
        if (!lists.TryGetValue(key, out var list)) lists[key] = list = [];
        list.Add(ordinal);
    }

    private static Dictionary<TKey, int[]> Frozen<TKey>(Dictionary<TKey, List<int>> lists, IEqualityComparer<TKey> comparer) where TKey : notnull =>
        lists.ToDictionary(p => p.Key, p => p.Value.ToArray(), comparer);
}

/// <summary>
/// Where a candidate lives (<see cref="Place"/>), the squared chord of twice their maximum travel distance
/// (<see cref="TwiceReach"/>) and that distance in km (<see cref="Reach"/>), side by side so one read brings all three.
/// </summary>
internal readonly record struct CandidateHome(SpherePoint Place, double TwiceReach, double Reach);
