using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Matching;

/// <summary>
/// A place as a unit vector from the earth's centre. The straight-line (chord) distance between two such vectors needs
/// no trigonometry and orders places as the great-circle distance does, which it gives by one arcsine (<see cref="Km"/>):
/// the structured generator measures a vacancy's distance to thousands of candidates per shortlist this way.
/// </summary>
internal readonly record struct SpherePoint(double X, double Y, double Z)
{
    /// <summary>The mean earth radius that <see cref="GeoPoint.DistanceKm"/> uses.</summary>
    private const double EarthRadiusKm = 6371.0088;

    public static SpherePoint Of(GeoPoint point)
    {
        var lat = point.Lat * Math.PI / 180;
        var lon = point.Lon * Math.PI / 180;
        return new SpherePoint(Math.Cos(lat) * Math.Cos(lon), Math.Cos(lat) * Math.Sin(lon), Math.Sin(lat));
    }

    /// <summary>The squared chord between the two points, on the unit sphere.</summary>
    public double ChordSquared(SpherePoint other)
    {
        double dx = X - other.X, dy = Y - other.Y, dz = Z - other.Z;
        return dx * dx + dy * dy + dz * dz;
    }

    /// <summary>The great-circle distance in km of a squared unit chord.</summary>
    public static double Km(double chordSquared) => 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(chordSquared) / 2));

    /// <summary>A lower bound of <see cref="Km"/> without the arcsine: an arc is never shorter than its chord.</summary>
    public static double KmAtLeast(double chordSquared) => EarthRadiusKm * Math.Sqrt(chordSquared);

    /// <summary>The squared unit chord of a great-circle distance of <paramref name="km"/> (half the globe at most).</summary>
    public static double ChordSquaredOf(double km)
    {
        var chord = 2 * Math.Sin(Math.Min(Math.PI / 2, km / (2 * EarthRadiusKm)));
        return chord * chord;
    }
}
