using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Matching;
using MatchEngine.Tests.Support;
using MatchEngine.Training.Fairness;
using MatchEngine.Training.Ranking;

namespace MatchEngine.Tests.Fairness;

/// <summary>The pool side of the ranker audit's two-way bootstrap (<see cref="TwoWayCounts.PoolSide"/>) against summing every pool candidate by candidate.</summary>
public sealed class TwoWayPoolSideTests
{
    private const int Persons = 40;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void PoolSide_PoolsHoldingMostPersons_SumAsCandidateByCandidate(bool twoWay)
    {
        // Pools a and c hold most of the 40 persons, b few; d most, but one of them twice. Pool a lacks the only two westers and holds two
        // candidates no longer in the pool; c is a year earlier, when persons 10 and 30 are in the next younger age band, and mostly qualified.
        var all = Enumerable.Range(0, Persons).ToArray();
        var a = all.Where(p => p is not (3 or 5 or 17 or 30)).Select(Id).ToList();
        a.Insert(10, "gone-1");
        a.Add("gone-2");
        var pools = Pools(
            ("a", new DateOnly(2025, 6, 1), [.. a]),
            ("b", new DateOnly(2025, 3, 1), [.. all.Take(15).Select(Id)]),
            ("c", new DateOnly(2024, 11, 1), [.. all.Where(p => p is >= 2 and not 20).Select(Id)]),
            ("d", new DateOnly(2025, 8, 1), [.. all.Take(30).Select(Id), Id(4)]));
        var draws = UnitBootstrap.Draws(pools.Units.Count, twoWay ? Persons : 0, 3);

        var side = new TwoWayCounts.PoolSide(pools, draws);

        Assert.Equal([36, 15, 37, 31], pools.Pools.Select(p => p.Known));
        Assert.DoesNotContain((ProtectedGroup.MigrationBackground, "westers"), pools.Pools[0].Groups);
        Assert.All(draws, d => Assert.Equal(CandidateByCandidate(side, d), side.Of(d)));
    }

    /// <summary>The pool side of <paramref name="draw"/> summed candidate by candidate, every known member under every attribute.</summary>
    private static float[] CandidateByCandidate(TwoWayCounts.PoolSide side, BootstrapDraw draw)
    {
        var people = draw.People?.Weights();
        var sums = new float[side.Of(draw).Length];
        for (var k = 0; k < side.Pools.Count; k++)
        {
            var pool = side.Pools[k];
            if (draw.Units[side.UnitOf[k]] == 0) continue;
            for (var i = 0; i < pool.Members.Count; i++)
            {
                var person = pool.PersonOf(i);
                if (person < 0) continue;
                var w = people is null ? 1 : people[person];
                for (var a = 0; a < ProtectedGroup.Attributes.Count; a++)
                {
                    var at = side.Offsets[k] + 2 * pool.GroupOf(i, a);
                    sums[at] += w;
                    if (pool.Qualified[i]) sums[at + 1] += w;
                }
            }
        }
        return sums;
    }

    private static string Id(int person) => $"c{person:00}";

    /// <summary>
    /// Persons of every gender (or none), two westers (5 and 17), born 1960 to 1999 (38: not known); each vacancy's whole pool holds the given
    /// candidates, who are qualified for c unless their number is a multiple of 5, and elsewhere when it is a multiple of 3.
    /// </summary>
    private static AuditPools Pools(params (string Vacancy, DateOnly Day, string[] Candidates)[] pools)
    {
        var candidates = Enumerable.Range(0, Persons).ToDictionary(Id, Person, StringComparer.Ordinal);
        var groups = pools.Select(p =>
        {
            var logged = new RankingGroup(Records.Vacancy(p.Vacancy) with { ClosesAt = null, PostedAt = p.Day }, p.Day, [p.Candidates[0]], [1], [Features(true)]);
            var qualified = p.Candidates.Select(id => int.TryParse(id.AsSpan(1), out var n) && (p.Vacancy == "c" ? n % 5 != 0 : n % 3 == 0)).ToArray();
            return new WholePoolGroup(logged, p.Candidates, [.. p.Candidates.Select(_ => 0)], [.. qualified.Select(Features)], []);
        }).ToArray();
        var logged = groups.Select(g => g.Logged).ToArray();
        var holdout = new RankerHoldout(new DateOnly(2024, 10, 1), logged, [], logged, logged) { WholePool = new WholePool(groups) };
        return AuditPools.Build(holdout, candidates);
    }

    private static PreparedCandidate Person(int person) => new(Records.Candidate(Id(person)) with
    {
        BirthYear = person == 38 ? null : 1960 + person,
        Protected = new ProtectedAttributes((person % 3) switch { 0 => "vrouw", 1 => "man", _ => null },
            person is 5 or 17 ? "westers" : person % 4 == 1 ? "niet-westers" : "nederlands"),
    });

    private static float[] Features(bool qualified)
    {
        var features = new float[PairFeatures.Names.Count];
        features[PairFeatures.IndexOf("required_skill_coverage")] = qualified ? 1 : 0.5f;
        return features;
    }
}
