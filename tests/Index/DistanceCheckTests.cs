using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Index;

namespace MatchEngine.Tests.Index;

public class DistanceCheckTests
{
    [Fact]
    public void Accepts_AgreesWithTheGreatCircleDistance_ForPointsAroundTheLimit()
    {
        var random = new Random(7);
        var disagreements = new List<string>();
        for (var i = 0; i < 200_000; i++)
        {
            // Centres across the Netherlands, points up to 600 km away, limits from 1 to 700 km.
            var center = new GeoPoint(50.7 + random.NextDouble() * 3, 3.3 + random.NextDouble() * 4);
            var point = new GeoPoint(center.Lat + (random.NextDouble() - 0.5) * 11, center.Lon + (random.NextDouble() - 0.5) * 18);
            var exact = center.DistanceKm(point);
            // Half the limits sit within 2% of the true distance, where the approximation must defer to the exact formula.
            var limit = i % 2 == 0 ? 1 + random.NextDouble() * 700 : exact * (0.98 + random.NextDouble() * 0.04);
            if (new DistanceCheck(center, limit).Accepts(point.Lat, point.Lon, Math.Cos(point.Lat * Math.PI / 180), limit) != exact <= limit)
                disagreements.Add($"{center} -> {point}: {exact} km, limit {limit}");
        }
        Assert.Empty(disagreements);
    }
}
