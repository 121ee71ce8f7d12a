namespace MatchEngine.Engine.Matching;

/// <summary>
/// One list of <see cref="CandidateLists"/> (candidate ordinals) grouped by the grid cell its candidates live in, about
/// 20 by 20 km, each cell's members longest twice-reach first, with for each cell a centre and the chord from it to its
/// farthest member. By the triangle inequality a member lives beyond twice their own reach of a place when the place is
/// farther from the centre than that radius plus their twice-reach chord, so the structured generator reads of each cell
/// only the members whose reach is long enough (<see cref="Reachable"/>) instead of testing them all. Immutable.
/// </summary>
internal sealed class PlacedList
{
    /// <summary>Latitude and longitude span of a cell, degrees (about 22 by 20 km at the latitude of the Netherlands).</summary>
    private const double CellLat = 0.2, CellLon = 0.3;

    /// <summary>Chord rounding allowance (about 6 µm on the earth): a member at the edge is read and tested, never skipped.</summary>
    private const double Slack = 1e-9;

    public static readonly PlacedList Empty = new([], [], [0], [], []);

    private readonly int[] _ordinals;
    private readonly double[] _reaches;
    private readonly int[] _starts;
    private readonly SpherePoint[] _centres;
    private readonly double[] _radii;

    private PlacedList(int[] ordinals, double[] reaches, int[] starts, SpherePoint[] centres, double[] radii)
    {
        _ordinals = ordinals;
        _reaches = reaches;
        _starts = starts;
        _centres = centres;
        _radii = radii;
    }

    /// <summary>
    /// The list of <paramref name="ordinals"/>, where each lives at <paramref name="places"/>[ordinal] in grid cell
    /// <paramref name="cells"/>[ordinal] and has the squared twice-reach chord <paramref name="twiceReach"/>[ordinal].
    /// </summary>
    public static PlacedList Of(IReadOnlyList<int> ordinals, SpherePoint[] places, long[] cells, double[] twiceReach)
    {
        if (ordinals.Count == 0) return Empty;
        // By cell, and within a cell longest twice-reach first (then by ordinal, so the order is fixed).
        var sorted = ordinals.OrderBy(o => cells[o]).ThenByDescending(o => twiceReach[o]).ThenBy(o => o).ToArray();
        var starts = new List<int>();
        var centres = new List<SpherePoint>();
        var radii = new List<double>();
        for (var start = 0; start < sorted.Length;)
        {
            var end = start;
            while (end < sorted.Length && cells[sorted[end]] == cells[sorted[start]]) end++;
            var members = sorted[start..end];
            var centre = new SpherePoint(members.Average(o => places[o].X), members.Average(o => places[o].Y), members.Average(o => places[o].Z));
            starts.Add(start);
            centres.Add(centre);
            radii.Add(members.Max(o => Math.Sqrt(centre.ChordSquared(places[o]))));
            start = end;
        }
        starts.Add(sorted.Length);
        return new PlacedList(sorted, [.. sorted.Select(o => Math.Sqrt(twiceReach[o]))], [.. starts], [.. centres], [.. radii]);
    }

    /// <summary>The grid cell of a place (for <see cref="Of"/>).</summary>
    public static long CellOf(double lat, double lon) => (long)Math.Floor(lat / CellLat) << 32 | (uint)(int)Math.Floor(lon / CellLon);

    /// <summary>Candidates in the list.</summary>
    public int Count => _ordinals.Length;

    /// <summary>Every member, cell by cell.</summary>
    public ReadOnlySpan<int> Members => _ordinals;

    /// <summary>Cells the list's candidates live in.</summary>
    public int Cells => _centres.Length;

    /// <summary>
    /// The members of cell <paramref name="cell"/> who may live within twice their own reach of <paramref name="at"/>: those
    /// whose twice-reach chord is at least the place's chord to the cell's centre less the cell's radius (a prefix, as the
    /// members are longest reach first).
    /// </summary>
    public ReadOnlySpan<int> Reachable(int cell, SpherePoint at)
    {
        int start = _starts[cell], end = _starts[cell + 1];
        var needed = Math.Sqrt(at.ChordSquared(_centres[cell])) - _radii[cell] - Slack;
        if (needed > 0)
        {
            // The first member whose reach falls short; every one after it falls shorter.
            int low = start, high = end;
            while (low < high)
            {
                var mid = (low + high) >>> 1;
                if (_reaches[mid] >= needed) low = mid + 1;
                else high = mid;
            }
            end = low;
        }
        return _ordinals.AsSpan(start, end - start);
    }
}
