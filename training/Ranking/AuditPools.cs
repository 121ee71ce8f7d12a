using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Ranking;

namespace MatchEngine.Training.Ranking;

/// <summary>
/// The held-out vacancies of a run as the ranker's fairness audit (<see cref="RankerFairnessAudit"/>) reads them, the same for every model
/// it audits: per logged proposal and per whole-pool candidate the protected groups (<see cref="ProtectedGroup"/>, null for a candidate no
/// longer in the pool), per whole-pool candidate whether it is qualified (<see cref="Qualification"/>), and each whole pool's features with
/// the age-linked ones at the pool's median (<see cref="RankerFairnessAudit.AgeLinkedFeatures"/>). Groups are numbered (<see cref="Groups"/>)
/// so an audit counts in arrays. Immutable once built.
/// </summary>
public sealed class AuditPools
{
    private AuditPools(IReadOnlyDictionary<string, PreparedCandidate> candidates, IReadOnlyList<(string Attribute, string Group)> groups, IReadOnlyList<AuditUnit> units)
    {
        Candidates = candidates;
        Groups = groups;
        Units = units;
        IsAgeBand = [.. groups.Select(g => g.Attribute == ProtectedGroup.AgeBand)];
        Pools = [.. units.Select(u => u.Pool).OfType<AuditedPool>().OrderBy(p => p.Index)];
    }

    /// <summary>The candidate pool's snapshot the vacancies were read against.</summary>
    public IReadOnlyDictionary<string, PreparedCandidate> Candidates { get; }

    /// <summary>Every protected group met, numbered by position.</summary>
    public IReadOnlyList<(string Attribute, string Group)> Groups { get; }

    /// <summary>Per numbered group, whether it is an age band.</summary>
    public IReadOnlyList<bool> IsAgeBand { get; }

    /// <summary>One per held-out vacancy, in the held-out order.</summary>
    public IReadOnlyList<AuditUnit> Units { get; }

    /// <summary>The whole pools, in the order of <see cref="WholePool.Groups"/>.</summary>
    public IReadOnlyList<AuditedPool> Pools { get; }

    /// <summary>Reads <paramref name="holdout"/>'s held-out vacancies against <paramref name="candidates"/> (the candidate pool's snapshot).</summary>
    public static AuditPools Build(RankerHoldout holdout, IReadOnlyDictionary<string, PreparedCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(holdout);
        ArgumentNullException.ThrowIfNull(candidates);
        var wholePool = holdout.WholePool.Groups.Select((g, i) => (g, i)).ToDictionary(x => x.g.Logged.Vacancy.Id, StringComparer.Ordinal);
        var members = new Candidate?[]?[holdout.Test.Count];
        var neutralized = new float[]?[]?[holdout.Test.Count];
        Parallel.For(0, holdout.Test.Count, u =>
        {
            if (!wholePool.TryGetValue(holdout.Test[u].Vacancy.Id, out var whole)) return;
            members[u] = [.. whole.g.CandidateIds.Select(id => candidates.GetValueOrDefault(id)?.Candidate)];
            neutralized[u] = AuditedPool.Neutralize(whole.g.Features);
        });
        var numbers = new Dictionary<(string, string), int>();
        var groups = new List<(string Attribute, string Group)>();
        int[]? Numbered(Candidate? candidate, DateOnly day)
        {
            if (candidate is null) return null;
            var numbered = new int[ProtectedGroup.Attributes.Count];
            for (var a = 0; a < numbered.Length; a++)
            {
                var group = (ProtectedGroup.Attributes[a], ProtectedGroup.Of(candidate, ProtectedGroup.Attributes[a], day));
                if (!numbers.TryGetValue(group, out var number))
                {
                    numbers[group] = number = groups.Count;
                    groups.Add(group);
                }
                numbered[a] = number;
            }
            return numbered;
        }
        var units = new AuditUnit[holdout.Test.Count];
        for (var u = 0; u < units.Length; u++)
        {
            var logged = holdout.Test[u];
            var day = logged.Vacancy.PostedAt;
            var proposed = logged.CandidateIds.Select(id => Numbered(candidates.GetValueOrDefault(id)?.Candidate, day)).ToArray();
            var pool = wholePool.TryGetValue(logged.Vacancy.Id, out var whole)
                ? new AuditedPool(whole.g, whole.i, members[u]!, [.. members[u]!.Select(m => Numbered(m, day))], neutralized[u]!)
                : null;
            units[u] = new AuditUnit(logged, proposed, pool);
        }
        return new AuditPools(candidates, groups, units);
    }
}

/// <summary>One held-out vacancy for the audit: its logged proposals with each one's numbered groups (null: not in the pool), and its whole pool if it has one.</summary>
public sealed record AuditUnit(RankingGroup Logged, IReadOnlyList<int[]?> ProposedGroups, AuditedPool? Pool);

/// <summary>One whole pool (<see cref="WholePoolGroup"/>) for the audit.</summary>
public sealed class AuditedPool
{
    internal AuditedPool(WholePoolGroup whole, int index, Candidate?[] members, int[]?[] memberGroups, float[][] neutralized)
    {
        (Whole, Index, Members, MemberGroups, Neutralized) = (whole, index, members, memberGroups, neutralized);
        Qualified = [.. whole.Features.Select(Qualification.Meets)];
        Known = members.Count(m => m is not null);
        QualifiedCount = Enumerable.Range(0, members.Length).Count(i => members[i] is not null && Qualified[i]);
    }

    /// <summary>The pool as whole-pool evaluation ranks it.</summary>
    public WholePoolGroup Whole { get; }

    /// <summary>Its position in <see cref="WholePool.Groups"/>.</summary>
    public int Index { get; }

    /// <summary>Per retrieved candidate, the candidate, or null when no longer in the pool.</summary>
    public IReadOnlyList<Candidate?> Members { get; }

    /// <summary>Per retrieved candidate, the numbered groups (<see cref="AuditPools.Groups"/>), in <see cref="ProtectedGroup.Attributes"/> order; null when not in the pool.</summary>
    public IReadOnlyList<int[]?> MemberGroups { get; }

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
