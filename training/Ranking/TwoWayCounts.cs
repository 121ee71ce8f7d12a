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
internal sealed class TwoWayCounts
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
    /// by its person weight; the vacancy's weight is applied by <see cref="Sums"/>). The same for every model a run audits.
    /// </summary>
    internal sealed class PoolSide
    {
        /// <summary>Most person weights (people × draws) kept once made; a larger region makes them again for every audit.</summary>
        private const long MaxKeptWeights = 64_000_000;

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
            _sums = new float[draws.Count][];
            _people = new byte[]?[draws.Count];
            var keep = (long)pools.Persons * draws.Count <= MaxKeptWeights;
            var attributes = ProtectedGroup.Attributes.Count;
            Parallel.For(0, draws.Count, r =>
            {
                var sums = new float[length];
                var people = draws[r].People?.Weights();
                if (keep) _people[r] = people;
                for (var k = 0; k < Pools.Count; k++)
                {
                    if (draws[r].Units[UnitOf[k]] == 0) continue;
                    var pool = Pools[k];
                    for (var i = 0; i < pool.Members.Count; i++)
                    {
                        var person = pool.PersonOf(i);
                        if (person < 0) continue;
                        var v = people is null ? 1 : people[person];
                        if (v == 0) continue;
                        for (var a = 0; a < attributes; a++)
                        {
                            var at = Offsets[k] + 2 * pool.GroupOf(i, a);
                            sums[at] += v;
                            if (pool.Qualified[i]) sums[at + 1] += v;
                        }
                    }
                }
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
    }
}
