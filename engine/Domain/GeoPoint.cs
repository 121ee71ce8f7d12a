namespace MatchEngine.Engine.Domain;

/// <summary>A WGS84 point in degrees.</summary>
public readonly record struct GeoPoint(double Lat, double Lon)
{
    private const double EarthRadiusKm = 6371.0088;

    /// <summary>Great-circle (haversine) distance in kilometres.</summary>
    public double DistanceKm(GeoPoint other)
    {
        var dLat = DegToRad(other.Lat - Lat);
        var dLon = DegToRad(other.Lon - Lon);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
              + Math.Cos(DegToRad(Lat)) * Math.Cos(DegToRad(other.Lat)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>True inside the contract's bounding box of the Netherlands (lat 50.7–53.7, lon 3.3–7.3).</summary>
    public static bool InNetherlands(double lat, double lon) => ContractLimits.Latitude.Allows(lat) && ContractLimits.Longitude.Allows(lon);

    private static double DegToRad(double deg) => deg * Math.PI / 180.0;
}
