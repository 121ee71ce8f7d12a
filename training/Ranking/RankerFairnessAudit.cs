using System.Collections.Concurrent;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Ranking;
using MatchEngine.Models.Registry;
using MatchEngine.Training.Fairness;

namespace MatchEngine.Training.Ranking;

/// <summary>
/// Audits a ranker by protected attribute (age band, gender, migration background; read here, never near a feature vector)
/// on the held-out vacancies of its run, resampled by vacancy and by candidate (<see cref="TwoWayCounts"/>):
/// <list type="bullet">
/// <item>exposure over the whole pool as serving ranks it (<see cref="WholePool"/>): each group's share of the top 10 against its
/// share of the pool and of the <see cref="Qualification">qualified</see> pool;</item>
/// <item>equal opportunity: of the held-out candidates who were in fact invited or hired and whom retrieval returned, the share in the
/// model's top 10 of the whole pool;</item>
/// <item>calibration: on the held-out logged proposals, the calibrated chance of an invitation against the observed invitation rate.</item>
/// </list>
/// For age bands, exposure and equal opportunity are also computed with the age-linked features (<see cref="AgeLinkedFeatures"/>) at each
/// pool's median, so what experience explains is told apart from treatment; and per age band, how much of the exposure difference
/// those features explain (age is not a feature).
/// Reuses the pools the run already retrieved and featurized; what does not depend on the model (the candidates' groups, who is qualified,
/// the features at equal experience: <see cref="AuditPools"/>) is read once for every model audited, and the audit only scores, the
/// whole pools of the held-out vacancies side by side (<see cref="Parallel"/>), counted in the held-out order so the figures do not depend on
/// the number of threads. Thread-safe.
/// </summary>
public sealed class RankerFairnessAudit
{
    private readonly RankerHoldout _holdout;
    private readonly Lazy<AuditPools> _pools;
    private readonly ConcurrentDictionary<int, Lazy<(BootstrapDraw[] Draws, TwoWayCounts.PoolSide Side)>> _bootstraps = new();

    /// <summary>An audit on <paramref name="holdout"/>'s held-out vacancies, with the candidates of <paramref name="pool"/> as its first audit finds them.</summary>
    public RankerFairnessAudit(CandidatePool pool, RankerHoldout holdout)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(holdout);
        _holdout = holdout;
        _pools = new Lazy<AuditPools>(() => AuditPools.Build(holdout, pool.Snapshot()));
    }

    /// <summary>What the audit's bootstrap draws, after the number of held-out vacancies (<see cref="FairnessAudit.Units"/>).</summary>
    public const string Units = "achtergehouden vacatures, en de kandidaten in hun pools (tweezijdige bootstrap)";

    /// <summary>Shortlist length whose exposure is audited.</summary>
    public const int Top = 10;

    /// <summary>Features that grow with age (experience, spell length, earlier exits), neutralized to explain the age bands' exposure differences.</summary>
    public static IReadOnlyList<string> AgeLinkedFeatures { get; } = ["years_same_isco", "years_same_major_group", "months_in_bijstand", "months_in_bijstand_regular_employer", "prior_outflows"];

    /// <summary>The audit of the model that <paramref name="score"/>s pairs, with its chance <paramref name="calibration"/>.</summary>
    public FairnessAudit Audit(Func<IReadOnlyList<float[]>, double[]> score, PlattScaling calibration, int seed)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(calibration);
        var pools = _pools.Value;
        var tops = new (HashSet<int> AsIs, HashSet<int> AtEqualExperience)[pools.Pools.Count];
        Parallel.For(0, tops.Length, p => tops[p] = (TopOf(score(pools.Pools[p].Whole.Features)), TopOf(score(pools.Pools[p].Neutralized))));
        var tally = new FairnessTally();
        var ageGaps = new AgeGapCounter();
        var counts = new PoolCounts();
        var cells = new List<(int Unit, int Person, (string Attribute, string Group) Group, Tallied Measure, double Value)>();
        var places = new int[pools.Pools.Count];
        for (var u = 0; u < pools.Units.Count; u++)
        {
            var unit = pools.Units[u];
            tally.NextUnit();
            var logged = unit.Logged;
            var chances = score(logged.Features);
            for (var i = 0; i < logged.CandidateIds.Count; i++)
            {
                if (unit.ProposedGroups[i] is not { } groups) continue;
                var (person, chance, observed) = (unit.ProposedPeople[i], calibration.Chance(chances[i]), logged.Labels[i] >= 1 ? 1 : 0);
                foreach (var group in groups)
                {
                    tally.Add(group, Tallied.Cases);
                    tally.Add(group, Tallied.Predicted, chance);
                    tally.Add(group, Tallied.Observed, observed);
                    cells.AddRange([(u, person, group, Tallied.Cases, 1), (u, person, group, Tallied.Predicted, chance), (u, person, group, Tallied.Observed, observed)]);
                }
            }
            if (unit.Pool is not { } pool) continue;
            var (top, equalExperienceTop) = tops[pool.Index];
            ageGaps.Add(pool, top, equalExperienceTop);
            places[pool.Index] = counts.Count(pool, top, equalExperienceTop, (person, group, measure) => cells.Add((u, person, pool.Groups[group], measure, 1)));
            counts.AddTo(tally, pool);
        }
        foreach (var ((group, what), people) in pools.People) tally.SetPeople(group, what, people);
        var (draws, side) = Bootstrap(seed);
        var index = tally.Groups().Select((g, i) => (g, i)).ToDictionary(x => x.g, x => x.i);
        var twoWay = new TwoWayCounts(side, [.. pools.Pools.Select(p => p.Groups.Select(g => index[g]).ToArray())], places,
            cells.Select(c => new TwoWayCounts.Cell(c.Unit, c.Person, index[c.Group], c.Measure, c.Value)), index.Count);
        return FairnessLenses.Audit(tally, Units, draws, twoWay.Sums) with { AgeBands = ageGaps.Explanations() };
    }

    /// <summary>
    /// The two-way bootstrap of the audits with <paramref name="seed"/>: its draws over the held-out vacancies and the candidates, and the
    /// pool side they share (<see cref="TwoWayCounts.PoolSide"/>), made once for every model audited.
    /// </summary>
    private (BootstrapDraw[] Draws, TwoWayCounts.PoolSide Side) Bootstrap(int seed) => _bootstraps.GetOrAdd(seed, s => new(() =>
    {
        var pools = _pools.Value;
        var draws = UnitBootstrap.Draws(pools.Units.Count, pools.Persons, s);
        return (draws, new TwoWayCounts.PoolSide(pools, draws));
    })).Value;

    /// <summary><paramref name="audit"/> with what fair re-ranking by each attribute costs and does (<see cref="FairnessAudit.Reranking"/>); a run adds it for the version it selects.</summary>
    public FairnessAudit WithReranking(FairnessAudit audit, Func<IReadOnlyList<float[]>, double[]> score)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(score);
        var pools = _pools.Value;
        var attributes = ProtectedGroup.Attributes;
        var fair = attributes.Select(a => new FairExposure(a)).ToArray();
        var count = pools.Pools.Count;
        var reranked = attributes.Select(_ => new double[count][]).ToArray();
        Parallel.For(0, count, p =>
        {
            var pool = pools.Pools[p];
            var scores = score(pool.Whole.Features);
            var ranked = FairRerankingEffect.Ranked(scores);
            for (var a = 0; a < attributes.Count; a++)
            {
                var attribute = a;
                reranked[a][pool.Index] = FairRerankingEffect.Reranked(pool.Whole, scores, ranked,
                    i => pool.GroupOf(i, attribute) is var g and >= 0 ? pool.Groups[g].Group : "unknown", fair[a]);
            }
        });
        var ndcg = _holdout.WholePool.Evaluate(score).Ndcg10;
        var costs = new FairRerankingCost[attributes.Count];
        Parallel.For(0, costs.Length, k => costs[k] = RerankingCost(audit, fair[k], ndcg, reranked[k], _holdout.WholePool, pools.Candidates));
        return audit with { Reranking = costs };
    }

    /// <summary>
    /// Fair re-ranking by <paramref name="fair"/>'s attribute, each whole pool's scores as it re-ranks them in <paramref name="reranked"/>: the whole-pool
    /// NDCG@10 without (<paramref name="ndcg"/>) and with it, the lowest group's ratio before and after, and the group lowest after.
    /// </summary>
    private static FairRerankingCost RerankingCost(FairnessAudit audit, FairExposure fair, double ndcg, double[][] reranked, WholePool wholePool,
        IReadOnlyDictionary<string, PreparedCandidate> candidates)
    {
        var index = new Dictionary<object, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < wholePool.Groups.Count; i++)
        {
            index[wholePool.Groups[i]] = i;
            index[wholePool.Groups[i].Features] = i;
        }
        var after = FairRerankingEffect.QualifiedExposure(wholePool, g => reranked[index[g]], candidates, fair.Attribute);
        return FairRerankingCost.Of(audit, fair.Attribute, fair.Share, ndcg, wholePool.Evaluate(f => reranked[index[f]]).Ndcg10, after);
    }

    /// <summary>
    /// The positions of the top <see cref="Top"/> by score (higher first; ties by retrieval order, as whole-pool evaluation ranks), in one pass
    /// that keeps the best so far in ranked order instead of sorting the pool.
    /// </summary>
    public static HashSet<int> TopOf(double[] scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var best = new List<int>(Top + 1);
        for (var i = 0; i < scores.Length; i++)
        {
            // A later position ranks above an earlier one only on a strictly higher score (the order of OrderByDescending, then position).
            if (best.Count == Top && scores[i].CompareTo(scores[best[^1]]) <= 0) continue;
            var at = best.Count;
            while (at > 0 && scores[i].CompareTo(scores[best[at - 1]]) > 0) at--;
            best.Insert(at, i);
            if (best.Count > Top) best.RemoveAt(Top);
        }
        return [.. best];
    }

    /// <summary>
    /// One whole pool's counts per group (<see cref="AuditedPool.Groups"/>), member by member in pool order as the tally would add them one at a time,
    /// added to the tally's current unit once per group and measure. Reused from pool to pool; single-threaded.
    /// </summary>
    private sealed class PoolCounts
    {
        private static readonly Tallied[] Measures =
        [
            Tallied.Pool, Tallied.PoolExpected, Tallied.Qualified, Tallied.QualifiedExpected, Tallied.Exposed, Tallied.ExposedWhereQualified,
            Tallied.ExposedAtEqualExperience, Tallied.Succeeded, Tallied.SucceededExposed, Tallied.SucceededExposedAtEqualExperience,
        ];

        private static readonly int Attributes = ProtectedGroup.Attributes.Count;
        private readonly List<double[]> _sums = [];

        /// <summary>
        /// Counts <paramref name="pool"/>; tells <paramref name="cell"/> each count of the model's side (person, local group, measure)
        /// and returns the top places its known candidates hold.
        /// </summary>
        public int Count(AuditedPool pool, HashSet<int> top, HashSet<int> equalExperienceTop, Action<int, int, Tallied> cell)
        {
            while (_sums.Count < pool.Groups.Count) _sums.Add(new double[Enum.GetValues<Tallied>().Length]);
            var places = Enumerable.Range(0, pool.Members.Count).Count(i => pool.Members[i] is not null && top.Contains(i));
            var labels = pool.Whole.Labels;
            for (var i = 0; i < pool.Members.Count; i++)
            {
                if (pool.Members[i] is null) continue;
                var qualified = pool.Qualified[i];
                for (var a = 0; a < Attributes; a++)
                {
                    var g = pool.GroupOf(i, a);
                    var sums = _sums[g];
                    var age = pool.IsAgeBand[g];
                    sums[(int)Tallied.Pool]++;
                    sums[(int)Tallied.PoolExpected] += places / (double)pool.Known;
                    if (qualified) sums[(int)Tallied.Qualified]++;
                    if (qualified) sums[(int)Tallied.QualifiedExpected] += places / (double)pool.QualifiedCount;
                    if (top.Contains(i)) Add(Tallied.Exposed);
                    if (pool.QualifiedCount > 0 && top.Contains(i)) Add(Tallied.ExposedWhereQualified);
                    if (pool.QualifiedCount > 0 && age && equalExperienceTop.Contains(i)) Add(Tallied.ExposedAtEqualExperience);
                    if (labels[i] <= 0) continue;
                    Add(Tallied.Succeeded);
                    if (top.Contains(i)) Add(Tallied.SucceededExposed);
                    if (age && equalExperienceTop.Contains(i)) Add(Tallied.SucceededExposedAtEqualExperience);

                    void Add(Tallied measure)
                    {
                        sums[(int)measure]++;
                        cell(pool.PersonOf(i), g, measure);
                    }
                }
            }
            return places;
        }

        /// <summary>Adds what <see cref="Count"/> counted in <paramref name="pool"/> to <paramref name="tally"/>'s current unit, and starts over.</summary>
        public void AddTo(FairnessTally tally, AuditedPool pool)
        {
            for (var g = 0; g < pool.Groups.Count; g++)
            {
                foreach (var measure in Measures) tally.Add(pool.Groups[g], measure, _sums[g][(int)measure]);
                Array.Clear(_sums[g]);
            }
        }
    }

    /// <summary>Per age band, qualified-pool and exposure counts under the model as it is and with the age-linked features neutralized.</summary>
    private sealed class AgeGapCounter
    {
        private readonly Dictionary<string, double[]> _counts = new(StringComparer.Ordinal);

        private static readonly int AgeBand = ProtectedGroup.Attributes.ToList().IndexOf(ProtectedGroup.AgeBand);

        public void Add(AuditedPool pool, HashSet<int> top, HashSet<int> neutralTop)
        {
            for (var i = 0; i < pool.Members.Count; i++)
            {
                if (pool.Members[i] is null) continue;
                var band = pool.Groups[pool.GroupOf(i, AgeBand)].Group;
                if (!_counts.TryGetValue(band, out var c)) _counts[band] = c = new double[3];
                if (pool.Qualified[i]) c[0]++;
                if (top.Contains(i)) c[1]++;
                if (neutralTop.Contains(i)) c[2]++;
            }
        }

        public IReadOnlyList<AgeBandExplanation> Explanations()
        {
            var (qualified, exposed, neutral) = (_counts.Values.Sum(c => c[0]), _counts.Values.Sum(c => c[1]), _counts.Values.Sum(c => c[2]));
            if (qualified == 0 || exposed == 0) return [];
            return [.. _counts.OrderBy(c => ProtectedGroups.Order(c.Key)).Select(c =>
            {
                var gap = c.Value[0] / qualified - c.Value[1] / exposed;
                var without = c.Value[0] / qualified - c.Value[2] / neutral;
                return new AgeBandExplanation(c.Key, gap, without, Math.Abs(gap) < 1e-9 ? double.NaN : 1 - without / gap);
            })];
        }
    }
}
