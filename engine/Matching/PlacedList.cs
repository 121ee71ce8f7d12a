namespace MatchEngine.Engine.Matching;

/// <summary>
/// One list of <see cref="CandidateLists"/> (candidate ordinals) grouped by the grid cell its candidates live in, about
/// 20 by 20 km, with for each cell a centre, the chord from it to its farthest member and the longest twice-reach chord
/// of its members. By the triangle inequality no member of a cell lives within twice their own reach of a place when the
/// place is farther from the centre than that radius plus that reach, so the structured generator passes such a cell over
/// whole instead of testing its members one by one. Immutable.
/// </summary>
internal sealed class PlacedList
{
    /// <summary>Latitude and longitude span of a cell, degrees (about 22 by 20 km at the latitude of the Netherlands).</summary>
    private const double CellLat = 0.2, CellLon = 0.3;

    /// <summary>Chord rounding allowance (about 6 µm on the earth): a cell at the edge is tested, never skipped.</summary>
    private const double Slack = 1e-9;

    public static readonly PlacedList Empty = new([], [0], [], [], []);

    private readonly int[] _ordinals;
    private readonly int[] _starts;
    private readonly SpherePoint[] _centres;
    private readonly double[] _radii;
    private readonly double[] _reaches;

    private PlacedList(int[] ordinals, int[] starts, SpherePoint[] centres, double[] radii, double[] reaches)
    {
        _ordinals = ordinals;
        _starts = starts;
        _centres = centres;
        _radii = radii;
        _reaches = reaches;
    }

    /// <summary>
    /// The list of <paramref name="ordinals"/>, where each lives at <paramref name="places"/>[ordinal] in grid cell
    /// <paramref name="cells"/>[ordinal] and has the squared twice-reach chord <paramref name="twiceReach"/>[ordinal].
    /// </summary>
    public static PlacedList Of(IReadOnlyList<int> ordinals, SpherePoint[] places, long[] cells, double[] twiceReach)
    {
        if (ordinals.Count == 0) return Empty;
        var sorted = ordinals.OrderBy(o => cells[o]).ThenBy(o => o).ToArray();
        var starts = new List<int>();
        var centres = new List<SpherePoint>();
        var radii = new List<double>();
        var reaches = new List<double>();
        for (var start = 0; start < sorted.Length;)
        {
            var end = start;
            while (end < sorted.Length && cells[sorted[end]] == cells[sorted[start]]) end++;
            var members = sorted[start..end];
            var centre = new SpherePoint(members.Average(o => places[o].X), members.Average(o => places[o].Y), members.Average(o => places[o].Z));
            starts.Add(start);
            centres.Add(centre);
            radii.Add(members.Max(o => Math.Sqrt(centre.ChordSquared(places[o]))));
            reaches.Add(members.Max(o => Math.Sqrt(twiceReach[o])));
            start = end;
        }
        starts.Add(sorted.Length);
        return new PlacedList(sorted, [.. starts], [.. centres], [.. radii], [.. reaches]);
    }

    /// <summary>The grid cell of a place (for <see cref="Of"/>).</summary>
    public static long CellOf(double lat, double lon) => (long)Math.Floor(lat / CellLat) << 32 | (uint)(int)Math.Floor(lon / CellLon);

    /// <summary>Candidates in the list.</summary>
    public int Count => _ordinals.Length;

    /// <summary>Every member, cell by cell.</summary>
    public ReadOnlySpan<int> Members => _ordinals;

    /// <summary>Cells the list's candidates live in.</summary>
    public int Cells => _centres.Length;

    /// <summary>The members of cell <paramref name="cell"/>.</summary>
    public ReadOnlySpan<int> Cell(int cell) => _ordinals.AsSpan(_starts[cell], _starts[cell + 1] - _starts[cell]);

    /// <summary>False when no member of cell <paramref name="cell"/> can live within twice their own reach of <paramref name="at"/>.</summary>
    public bool MayReach(int cell, SpherePoint at) => Math.Sqrt(at.ChordSquared(_centres[cell])) - _radii[cell] <= _reaches[cell] + Slack;
}
