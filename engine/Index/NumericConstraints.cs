using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Index;

/// <summary>
/// The per-document part of a search — hour overlap, day bounds, distances and candidates left out by id — checked per
/// matching document from doc values by <see cref="SegmentFilter"/>. Empty constraints accept every document.
/// </summary>
internal sealed class NumericConstraints
{
    private readonly List<(string Field, long Max)> _atMost = [];
    private readonly List<(string Field, long Min)> _atLeast = [];
    private readonly List<DistanceCheck> _distances = [];

    /// <summary>The document's hour range must reach at least this many hours.</summary>
    public double? HoursMin { get; private set; }

    /// <summary>The document's hour range must start at or below this many hours.</summary>
    public double? HoursMax { get; private set; }

    public IReadOnlyList<(string Field, long Max)> AtMost => _atMost;
    public IReadOnlyList<(string Field, long Min)> AtLeast => _atLeast;
    public IReadOnlyList<DistanceCheck> Distances => _distances;

    /// <summary>Ids of documents to leave out whatever else they match (null: none).</summary>
    public IReadOnlySet<string>? LeftOut { get; private set; }

    /// <summary>Hour ranges overlapping [min, max] (either side open when null).</summary>
    public NumericConstraints HoursOverlap(double? min, double? max)
    {
        HoursMin = min;
        HoursMax = max;
        return this;
    }

    /// <summary>The epoch day in <paramref name="field"/> is on or before <paramref name="day"/>.</summary>
    public NumericConstraints DayAtMost(string field, DateOnly day)
    {
        _atMost.Add((field, day.DayNumber));
        return this;
    }

    /// <summary>The epoch day in <paramref name="field"/> is on or after <paramref name="day"/>.</summary>
    public NumericConstraints DayAtLeast(string field, DateOnly day)
    {
        _atLeast.Add((field, day.DayNumber));
        return this;
    }

    /// <summary>Not one of <paramref name="ids"/>.</summary>
    public NumericConstraints LeaveOut(IReadOnlySet<string> ids)
    {
        LeftOut = ids;
        return this;
    }

    /// <summary>Within <paramref name="radiusKm"/> of <paramref name="center"/>, or within the document's own maximum travel distance when null.</summary>
    public NumericConstraints Within(GeoPoint center, double? radiusKm)
    {
        _distances.Add(new DistanceCheck(center, radiusKm));
        return this;
    }
}

/// <summary>A great-circle distance check around a point; a null radius means "the document's own reach".</summary>
internal sealed record DistanceCheck(GeoPoint Center, double? RadiusKm)
{
    private const double KmPerDegreeLat = 111.32;

    /// <summary>
    /// Up to this distance the flat-earth approximation at the mean latitude is off by far less than
    /// <see cref="ApproximationMargin"/> (the error grows with the square of distance over the earth's radius),
    /// so only points within that band around the limit need the exact formula. Larger limits use it always.
    /// </summary>
    private const double ApproximationRangeKm = 500;

    private const double ApproximationMargin = 0.01;

    private readonly double _cosLat = Math.Cos(Center.Lat * (Math.PI / 180));

    /// <summary>
    /// The same test for a point given with the cosine of its latitude (precomputed per document): the
    /// east-west scale is the mean of both cosines, which differs from the cosine of the mean latitude by far
    /// less than the margin at these distances. Squared distances, so no square root on the fast path.
    /// </summary>
    public bool Accepts(double lat, double lon, double cosLat, double limitKm)
    {
        if (limitKm > ApproximationRangeKm) return Center.DistanceKm(new GeoPoint(lat, lon)) <= limitKm;
        var dy = (lat - Center.Lat) * KmPerDegreeLat;
        var outer = limitKm * (1 + ApproximationMargin);
        if (Math.Abs(dy) > outer) return false;
        var dx = (lon - Center.Lon) * KmPerDegreeLat * 0.5 * (cosLat + _cosLat);
        var squared = dx * dx + dy * dy;
        var inner = limitKm * (1 - ApproximationMargin);
        if (squared < inner * inner) return true;
        if (squared > outer * outer) return false;
        return Center.DistanceKm(new GeoPoint(lat, lon)) <= limitKm;
    }
}
