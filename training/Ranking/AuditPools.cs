using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Ranking;
using MatchEngine.Training.Fairness;

namespace MatchEngine.Training.Ranking;

/// <summary>
/// The held-out vacancies of a run as the ranker's fairness audit (<see cref="RankerFairnessAudit"/>) reads them, the same for every model
/// it audits: per logged proposal and per whole-pool candidate the protected groups (<see cref="ProtectedGroup"/>; none for a candidate no
/// longer in the pool), per whole-pool candidate whether it is qualified (<see cref="Qualification"/>), and each whole pool's features with
/// the age-linked ones at the pool's median (<see cref="RankerFairnessAudit.AgeLinkedFeatures"/>). Read side by side, vacancy by vacancy
/// (<see cref="Parallel"/>). Immutable once built.
/// </summary>
public sealed class AuditPools
{
    private AuditPools(IReadOnlyDictionary<string, PreparedCandidate> candidates, IReadOnlyList<AuditUnit> units, IReadOnlyList<Candidate> people)
    {
        Candidates = candidates;
        Persons = people.Count;
        PersonCandidates = people;
        Units = units;
        Pools = [.. units.Select(u => u.Pool).OfType<AuditedPool>().OrderBy(p => p.Index)];
        People = CountPeople(units);
    }

    /// <summary>The candidate pool's snapshot the vacancies were read against.</summary>
    public IReadOnlyDictionary<string, PreparedCandidate> Candidates { get; }

    /// <summary>Number of candidates in the snapshot; each has a person number below it (<see cref="AuditedPool.PersonOf"/>, <see cref="AuditUnit.ProposedPeople"/>).</summary>
    public int Persons { get; }

    /// <summary>Per person number, the candidate.</summary>
    public IReadOnlyList<Candidate> PersonCandidates { get; }

    /// <summary>One per held-out vacancy, in the held-out order.</summary>
    public IReadOnlyList<AuditUnit> Units { get; }

    /// <summary>The whole pools, in the order of <see cref="WholePool.Groups"/>.</summary>
    public IReadOnlyList<AuditedPool> Pools { get; }

    /// <summary>
    /// Per protected group and count (<see cref="Tallied.Pool"/>, <see cref="Tallied.Qualified"/>, <see cref="Tallied.Cases"/>: the logged
    /// proposals), the distinct candidates behind it over all held-out vacancies: the same candidate is in the pool of every one of them.
    /// </summary>
    public IReadOnlyDictionary<((string Attribute, string Group) Group, Tallied What), int> People { get; }

    /// <summary>Reads <paramref name="holdout"/>'s held-out vacancies against <paramref name="candidates"/> (the candidate pool's snapshot).</summary>
    public static AuditPools Build(RankerHoldout holdout, IReadOnlyDictionary<string, PreparedCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(holdout);
        ArgumentNullException.ThrowIfNull(candidates);
        var wholePool = holdout.WholePool.Groups.Select((g, i) => (g, i)).ToDictionary(x => x.g.Logged.Vacancy.Id, StringComparer.Ordinal);
        var ids = candidates.Keys.Order(StringComparer.Ordinal).ToArray();
        var persons = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        var units = new AuditUnit[holdout.Test.Count];
        Parallel.For(0, units.Length, u =>
        {
            var logged = holdout.Test[u];
            var day = logged.Vacancy.PostedAt;
            var proposed = logged.CandidateIds.Select(id => candidates.GetValueOrDefault(id) is { } c ? GroupsOf(c.Candidate, day) : null).ToArray();
            var people = logged.CandidateIds.Select(id => persons.GetValueOrDefault(id, -1)).ToArray();
            var pool = wholePool.TryGetValue(logged.Vacancy.Id, out var whole) ? new AuditedPool(whole.g, whole.i, candidates, persons) : null;
            units[u] = new AuditUnit(logged, proposed, pool) { ProposedPeople = people };
        });
        return new AuditPools(candidates, units, [.. ids.Select(id => candidates[id].Candidate)]);
    }

    private static (string Attribute, string Group)[] GroupsOf(Candidate candidate, DateOnly day) => [.. ProtectedGroups.Of(candidate, day)];

    private static Dictionary<((string Attribute, string Group) Group, Tallied What), int> CountPeople(IReadOnlyList<AuditUnit> units)
    {
        var people = new Dictionary<((string Attribute, string Group) Group, Tallied What), HashSet<int>>();
        void Add((string Attribute, string Group) group, Tallied what, int person)
        {
            if (!people.TryGetValue((group, what), out var persons)) people[(group, what)] = persons = [];
            persons.Add(person);
        }
        foreach (var unit in units)
        {
            for (var i = 0; i < unit.Logged.CandidateIds.Count; i++)
            {
                foreach (var group in unit.ProposedGroups[i] ?? []) Add(group, Tallied.Cases, unit.ProposedPeople[i]);
            }
            if (unit.Pool is not { } pool) continue;
            for (var i = 0; i < pool.Members.Count; i++)
            {
                var person = pool.PersonOf(i);
                if (person < 0) continue;
                for (var a = 0; a < ProtectedGroup.Attributes.Count; a++)
                {
                    var group = pool.Groups[pool.GroupOf(i, a)];
                    Add(group, Tallied.Pool, person);
                    if (pool.Qualified[i]) Add(group, Tallied.Qualified, person);
                }
            }
        }
        return people.ToDictionary(p => p.Key, p => p.Value.Count);
    }
}

/// <summary>One held-out vacancy for the audit: its logged proposals with each one's groups (null: not in the pool), and its whole pool if it has one.</summary>
public sealed record AuditUnit(RankingGroup Logged, IReadOnlyList<(string Attribute, string Group)[]?> ProposedGroups, AuditedPool? Pool)
{
    /// <summary>Per logged proposal, the candidate's person number (<see cref="AuditPools.Persons"/>); -1 when not in the pool.</summary>
    public required IReadOnlyList<int> ProposedPeople { get; init; }
}

/// <summary>
/// One whole pool (<see cref="WholePoolGroup"/>) for the audit. The protected groups met in it are numbered in the order the candidates
/// first show them (<see cref="Groups"/>), so an audit counts them in arrays.
/// </summary>
public sealed class AuditedPool
{
    private static readonly int Attributes = ProtectedGroup.Attributes.Count;
    private readonly int[] _groupOf;
    private readonly int[] _personOf;

    internal AuditedPool(WholePoolGroup whole, int index, IReadOnlyDictionary<string, PreparedCandidate> candidates, IReadOnlyDictionary<string, int> persons)
    {
        (Whole, Index) = (whole, index);
        var members = whole.CandidateIds.Select(id => candidates.GetValueOrDefault(id)?.Candidate).ToArray();
        _personOf = [.. whole.CandidateIds.Select(id => persons.GetValueOrDefault(id, -1))];
        var day = whole.Logged.Vacancy.PostedAt;
        var numbers = ProtectedGroup.Attributes.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        var groups = new List<(string Attribute, string Group)>();
        _groupOf = new int[members.Length * Attributes];
        for (var i = 0; i < members.Length; i++)
        {
            for (var a = 0; a < Attributes; a++)
            {
                if (members[i] is not { } member)
                {
                    _groupOf[i * Attributes + a] = -1;
                    continue;
                }
                var attribute = ProtectedGroup.Attributes[a];
                var group = ProtectedGroup.Of(member, attribute, day);
                if (!numbers[a].TryGetValue(group, out var number))
                {
                    numbers[a][group] = number = groups.Count;
                    groups.Add((attribute, group));
                }
                _groupOf[i * Attributes + a] = number;
            }
        }
        (Members, Groups) = (members, groups);
        IsAgeBand = [.. groups.Select(g => g.Attribute == ProtectedGroup.AgeBand)];
        Qualified = [.. whole.Features.Select(Qualification.Meets)];
        Known = members.Count(m => m is not null);
        QualifiedCount = Enumerable.Range(0, members.Length).Count(i => members[i] is not null && Qualified[i]);
        Neutralized = Neutralize(whole.Features);
    }

    /// <summary>The pool as whole-pool evaluation ranks it.</summary>
    public WholePoolGroup Whole { get; }

    /// <summary>Its position in <see cref="WholePool.Groups"/>.</summary>
    public int Index { get; }

    /// <summary>Per retrieved candidate, the candidate, or null when no longer in the pool.</summary>
    public IReadOnlyList<Candidate?> Members { get; }

    /// <summary>The protected groups of the pool's candidates, numbered in order of first appearance.</summary>
    public IReadOnlyList<(string Attribute, string Group)> Groups { get; }

    /// <summary>Per numbered group, whether it is an age band.</summary>
    public IReadOnlyList<bool> IsAgeBand { get; }

    /// <summary>
    /// The number (in <see cref="Groups"/>) of candidate <paramref name="i"/>'s group under the <paramref name="attribute"/>-th of
    /// <see cref="ProtectedGroup.Attributes"/>; -1 for a candidate no longer in the pool.
    /// </summary>
    public int GroupOf(int i, int attribute) => _groupOf[i * Attributes + attribute];

    /// <summary>Retrieved candidate <paramref name="i"/>'s person number (<see cref="AuditPools.Persons"/>); -1 for a candidate no longer in the pool.</summary>
    public int PersonOf(int i) => _personOf[i];

    /// <summary>Per retrieved candidate, whether the pair meets the stated requirements.</summary>
    public IReadOnlyList<bool> Qualified { get; }

    /// <summary>Candidates still in the pool.</summary>
    public int Known { get; }

    /// <summary>Of those, the qualified.</summary>
    public int QualifiedCount { get; }

    /// <summary>The pool's features with every age-linked feature at the pool's median ("at equal experience").</summary>
    public IReadOnlyList<float[]> Neutralized { get; }

    /// <summary><paramref name="features"/> with every age-linked feature set to the median of the list, so only what does not grow with age differs.</summary>
    public static float[][] Neutralize(IReadOnlyList<float[]> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var copy = features.Select(f => (float[])f.Clone()).ToArray();
        foreach (var j in RankerFairnessAudit.AgeLinkedFeatures.Select(PairFeatures.IndexOf))
        {
            var median = features.Select(f => f[j]).Order().ElementAtOrDefault(features.Count / 2);
            foreach (var f in copy) f[j] = median;
        }
        return copy;
    }
}
