using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Matching;
using MatchEngine.Training.Fairness;

namespace MatchEngine.Training.Ranking;

/// <summary>
/// A ranker audit's counts as one draw of a two-way bootstrap weighs them (<see cref="BootstrapDraw"/>): a pair counts its held-out
/// vacancy's weight times its candidate's. Every consenting candidate is in the pool of every held-out vacancy, so resampling the
/// vacancies alone shows how the model treats these particular people, not how it treats a group: a group's exposure can rest on a
/// few of its members. The pool side (who is in each whole pool, and who is qualified there, per protected group) does not depend on
/// the model and is summed once per run for every draw (<see cref="PoolSide"/>); the model's side (who is at the top, who succeeded, the
/// logged proposals' chances) is a few cells per vacancy. Thread-safe once built.
/// </summary>
public sealed class TwoWayCounts
{
    private static readonly int Measures = Enum.GetValues<Tallied>().Length;
    private readonly PoolSide _pools;
    private readonly int[][] _groupIndex;
    private readonly int[] _places;
    private readonly int _groups;
    // The cells by pair (vacancy unit and person), so a pair whose weight in a draw is 0 skips all its counts.
    private readonly int[] _pairUnit, _pairPerson, _pairStart;
    private readonly int[] _countGroup;
    private readonly Tallied[] _countMeasure;
    private readonly double[] _countValue;

    /// <param name="pools">The pool side of the run, for the same draws.</param>
    /// <param name="groupIndex">Per whole pool (<see cref="AuditPools.Pools"/> order) and local group (<see cref="AuditedPool.Groups"/>), the group's position in the tally.</param>
    /// <param name="places">Per whole pool, the top places its known candidates hold.</param>
    /// <param name="cells">The model's side, each group already at its position in the tally.</param>
    /// <param name="groups">Number of groups in the tally.</param>
    public TwoWayCounts(PoolSide pools, int[][] groupIndex, int[] places, IEnumerable<Cell> cells, int groups)
    {
        (_pools, _groupIndex, _places, _groups) = (pools, groupIndex, places, groups);
        var sorted = cells.OrderBy(c => c.Unit).ThenBy(c => c.Person).ToArray();
        (_countGroup, _countMeasure, _countValue) = ([.. sorted.Select(c => c.Group)], [.. sorted.Select(c => c.Measure)], [.. sorted.Select(c => c.Value)]);
        var starts = Enumerable.Range(0, sorted.Length).Where(i => i == 0 || sorted[i].Unit != sorted[i - 1].Unit || sorted[i].Person != sorted[i - 1].Person).ToArray();
        (_pairUnit, _pairPerson, _pairStart) = ([.. starts.Select(i => sorted[i].Unit)], [.. starts.Select(i => sorted[i].Person)], [.. starts, sorted.Length]);
    }

    /// <summary>One pair's count of one measure, in the tally's unit <see cref="Unit"/>, for the person numbered <see cref="Person"/>.</summary>
    public readonly record struct Cell(int Unit, int Person, int Group, Tallied Measure, double Value);

    /// <summary>Per group (tally order) and measure, the counts of <paramref name="draw"/>.</summary>
    public double[][] Sums(BootstrapDraw draw)
    {
        ArgumentNullException.ThrowIfNull(draw);
        var sums = new double[_groups][];
        for (var g = 0; g < _groups; g++) sums[g] = new double[Measures];
        var side = _pools.Of(draw);
        for (var k = 0; k < _pools.Pools.Count; k++)
        {
            var pool = _pools.Pools[k];
            var w = draw.Units[_pools.UnitOf[k]];
            if (w == 0) continue;
            var offset = _pools.Offsets[k];
            for (var g = 0; g < pool.Groups.Count; g++)
            {
                var row = sums[_groupIndex[k][g]];
                double members = side[offset + 2 * g], qualified = side[offset + 2 * g + 1];
                row[(int)Tallied.Pool] += w * members;
                row[(int)Tallied.PoolExpected] += w * members * _places[k] / pool.Known;
                row[(int)Tallied.Qualified] += w * qualified;
                if (pool.QualifiedCount > 0) row[(int)Tallied.QualifiedExpected] += w * qualified * _places[k] / pool.QualifiedCount;
            }
        }
        var people = _pools.People(draw);
        for (var k = 0; k < _pairUnit.Length; k++)
        {
            var weight = draw.Units[_pairUnit[k]] * (people is null ? 1 : people[_pairPerson[k]]);
            if (weight == 0) continue;
            for (var c = _pairStart[k]; c < _pairStart[k + 1]; c++) sums[_countGroup[c]][(int)_countMeasure[c]] += weight * _countValue[c];
        }
        return sums;
    }

    /// <summary>
    /// Per draw, per whole pool and local group, the weighted number of its known candidates and of its qualified ones (each candidate
    /// by its person weight; the vacancy's weight is applied by <see cref="Sums"/>). The same for every model a run audits. A pool that
    /// holds most persons is summed as everyone in each group less the persons it lacks (<see cref="PoolPlan"/>): where every pool holds
    /// nearly everyone, a draw then sums the persons once instead of once per pool.
    /// </summary>
    public sealed class PoolSide
    {
        /// <summary>Most person weights (people × draws) kept once made; a larger region makes them again for every audit.</summary>
        private const long MaxKeptWeights = 64_000_000;

        private static readonly int Attributes = ProtectedGroup.Attributes.Count;
        private readonly float[][] _sums;
        private readonly byte[]?[] _people;
        private readonly IReadOnlyList<BootstrapDraw> _draws;

        public PoolSide(AuditPools pools, IReadOnlyList<BootstrapDraw> draws)
        {
            ArgumentNullException.ThrowIfNull(pools);
            ArgumentNullException.ThrowIfNull(draws);
            _draws = draws;
            Pools = pools.Pools;
            var unitOf = new Dictionary<AuditedPool, int>(ReferenceEqualityComparer.Instance);
            for (var u = 0; u < pools.Units.Count; u++)
                if (pools.Units[u].Pool is { } pool) unitOf[pool] = u;
            UnitOf = [.. Pools.Select(p => unitOf[p])];
            Offsets = new int[Pools.Count];
            var length = 0;
            for (var k = 0; k < Pools.Count; k++)
            {
                Offsets[k] = length;
                length += 2 * Pools[k].Groups.Count;
            }
            var byComplement = Pools.Select(p => PoolPlan.HoldsMost(p, pools.Persons)).ToArray();
            var everyone = new Everyone(pools.PersonCandidates, Pools.Where((_, k) => byComplement[k]).Select(YearOf));
            var plans = Pools.Select((p, k) => new PoolPlan(p, pools.Persons, byComplement[k] ? everyone : null)).ToArray();
            _sums = new float[draws.Count][];
            _people = new byte[]?[draws.Count];
            var keep = (long)pools.Persons * draws.Count <= MaxKeptWeights;
            Parallel.For(0, draws.Count, r =>
            {
                var sums = new float[length];
                var people = draws[r].People?.Weights();
                if (keep) _people[r] = people;
                var totals = everyone.Sums(people);
                for (var k = 0; k < Pools.Count; k++)
                    if (draws[r].Units[UnitOf[k]] != 0) plans[k].AddTo(sums, Offsets[k], people, totals);
                _sums[r] = sums;
            });
        }

        /// <summary>The whole pools, in <see cref="AuditPools.Pools"/> order.</summary>
        public IReadOnlyList<AuditedPool> Pools { get; }

        /// <summary>Per whole pool, its unit in the tally (its held-out vacancy's position).</summary>
        public int[] UnitOf { get; }

        /// <summary>Per whole pool, where its groups start in a draw's sums.</summary>
        public int[] Offsets { get; }

        /// <summary>The sums of <paramref name="draw"/>, which must be one of the draws this was built for.</summary>
        public float[] Of(BootstrapDraw draw) => _sums[Checked(draw)];

        /// <summary>The person weights of <paramref name="draw"/> (null in a one-way draw), kept from building when the region is small enough.</summary>
        public byte[]? People(BootstrapDraw draw) => _people[Checked(draw)] ?? draw.People?.Weights();

        private int Checked(BootstrapDraw draw) =>
            ReferenceEquals(_draws[draw.Index], draw) ? draw.Index : throw new ArgumentException("draw of another bootstrap", nameof(draw));

        private static int YearOf(AuditedPool pool) => pool.Whole.Logged.Vacancy.PostedAt.Year;

        /// <summary>
        /// Every person's protected groups in the years asked for, numbered across the years, so one pass over a draw's person weights sums each
        /// group of everyone. A person's groups on a day depend on its year alone (the age band is the year less the birth year:
        /// <see cref="ProtectedGroup.Of"/>).
        /// </summary>
        private sealed class Everyone
        {
            private readonly Dictionary<(int Year, (string Attribute, string Group) Group), int> _numbers = [];
            private readonly Dictionary<int, int[]> _groupOf = [];

            public Everyone(IReadOnlyList<Candidate> people, IEnumerable<int> years)
            {
                foreach (var year in years.Distinct())
                {
                    var day = new DateOnly(year, 1, 1);
                    var groupOf = new int[people.Count * Attributes];
                    for (var p = 0; p < people.Count; p++)
                    {
                        for (var a = 0; a < Attributes; a++)
                        {
                            var attribute = ProtectedGroup.Attributes[a];
                            var key = (year, (attribute, ProtectedGroup.Of(people[p], attribute, day)));
                            if (!_numbers.TryGetValue(key, out var number)) _numbers[key] = number = _numbers.Count;
                            groupOf[p * Attributes + a] = number;
                        }
                    }
                    _groupOf[year] = groupOf;
                }
            }

            /// <summary>The number of <paramref name="group"/> in <paramref name="year"/>; a group no person is in is a <see cref="KeyNotFoundException"/>.</summary>
            public int Number(int year, (string Attribute, string Group) group) => _numbers[(year, group)];

            /// <summary>The number of <paramref name="person"/>'s group under the <paramref name="attribute"/>-th attribute in <paramref name="year"/>.</summary>
            public int GroupOf(int year, int person, int attribute) => _groupOf[year][person * Attributes + attribute];

            /// <summary>Per group number, the sum of everyone's weights in <paramref name="people"/> (null: each weighs 1).</summary>
            public int[] Sums(byte[]? people)
            {
                var sums = new int[_numbers.Count];
                foreach (var groupOf in _groupOf.Values)
                {
                    for (var p = 0; p < groupOf.Length / Attributes; p++)
                    {
                        var w = people is null ? 1 : people[p];
                        for (var a = 0; a < Attributes; a++) sums[groupOf[p * Attributes + a]] += w;
                    }
                }
                return sums;
            }
        }

        /// <summary>
        /// How a draw sums one whole pool's counts per local group. Its known members one by one or, when the pool holds more than half of all
        /// persons (each once), as everyone in the group (<see cref="Everyone"/>) less the persons not in the pool; its qualified members one by
        /// one or, when fewer of its members are unqualified, as its members less those. Person weights are whole numbers, so every way gives the
        /// same sums.
        /// </summary>
        private sealed class PoolPlan
        {
            private readonly int _groups;
            private readonly int[]? _start;
            private readonly Terms _members, _qualified;
            private readonly bool _qualifiedFromMembers;

            /// <param name="pool">The pool.</param>
            /// <param name="persons">Number of persons (<see cref="AuditPools.Persons"/>).</param>
            /// <param name="everyone">Everyone's groups in the pool's year, to count its members by complement; null: one by one.</param>
            public PoolPlan(AuditedPool pool, int persons, Everyone? everyone)
            {
                _groups = pool.Groups.Count;
                var known = Enumerable.Range(0, pool.Members.Count).Where(i => pool.PersonOf(i) >= 0).ToArray();
                if (everyone is null) _members = Terms.Of(pool, known, 1);
                else
                {
                    var year = YearOf(pool);
                    _start = [.. pool.Groups.Select(g => everyone.Number(year, g))];
                    var local = _start.Select((number, g) => (number, g)).ToDictionary(x => x.number, x => x.g);
                    if (known.Any(i => Enumerable.Range(0, Attributes).Any(a => everyone.GroupOf(year, pool.PersonOf(i), a) != _start[pool.GroupOf(i, a)])))
                        throw new InvalidOperationException($"a candidate's protected groups in pool {pool.Index} differ from those in its year");
                    var inPool = known.Select(pool.PersonOf).ToHashSet();
                    var absent = Enumerable.Range(0, persons).Where(p => !inPool.Contains(p)).ToArray();
                    var groups = absent.SelectMany(p => Enumerable.Range(0, Attributes).Select(a => local.GetValueOrDefault(everyone.GroupOf(year, p, a), _groups)));
                    _members = new Terms(absent, [.. groups], -1);
                }
                var qualified = known.Where(i => pool.Qualified[i]).ToArray();
                var unqualified = known.Where(i => !pool.Qualified[i]).ToArray();
                _qualifiedFromMembers = unqualified.Length < qualified.Length;
                _qualified = _qualifiedFromMembers ? Terms.Of(pool, unqualified, -1) : Terms.Of(pool, qualified, 1);
            }

            /// <summary>Whether <paramref name="pool"/> holds more than half of the <paramref name="persons"/>, each once, so counting its members by complement pays.</summary>
            public static bool HoldsMost(AuditedPool pool, int persons)
            {
                var members = Enumerable.Range(0, pool.Members.Count).Select(pool.PersonOf).Where(p => p >= 0).ToArray();
                return members.Length > persons / 2 && members.Distinct().Count() == members.Length;
            }

            /// <summary>Writes the pool's counts in a draw with person weights <paramref name="people"/> into <paramref name="sums"/> from <paramref name="offset"/>.</summary>
            /// <param name="totals">Per group number, everyone's weights (<see cref="Everyone.Sums"/>).</param>
            public void AddTo(float[] sums, int offset, byte[]? people, int[] totals)
            {
                var members = new int[_groups + 1];
                if (_start is not null)
                    for (var g = 0; g < _groups; g++) members[g] = totals[_start[g]];
                _members.AddTo(members, people);
                var qualified = _qualifiedFromMembers ? (int[])members.Clone() : new int[_groups + 1];
                _qualified.AddTo(qualified, people);
                for (var g = 0; g < _groups; g++)
                {
                    sums[offset + 2 * g] = members[g];
                    sums[offset + 2 * g + 1] = qualified[g];
                }
            }
        }

        /// <summary>
        /// Persons whose weights a count adds (<paramref name="sign"/> 1) or takes off (-1), each to its local group under every attribute,
        /// <paramref name="groups"/> holding the attributes of one person after another (a group the pool does not have: one past the last).
        /// </summary>
        private sealed class Terms(int[] persons, int[] groups, int sign)
        {
            /// <summary>The candidates <paramref name="members"/> (positions in <paramref name="pool"/>, known ones) with their groups there.</summary>
            public static Terms Of(AuditedPool pool, int[] members, int sign) =>
                new([.. members.Select(pool.PersonOf)], [.. members.SelectMany(i => Enumerable.Range(0, Attributes).Select(a => pool.GroupOf(i, a)))], sign);

            /// <summary>Adds the weighted terms in <paramref name="people"/> (null: each weighs 1) to <paramref name="counts"/>, per local group.</summary>
            public void AddTo(int[] counts, byte[]? people)
            {
                for (var t = 0; t < persons.Length; t++)
                {
                    var w = people is null ? 1 : people[persons[t]];
                    if (w == 0) continue;
                    for (var a = t * Attributes; a < (t + 1) * Attributes; a++) counts[groups[a]] += sign * w;
                }
            }
        }
    }
}
