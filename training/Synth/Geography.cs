using MatchEngine.Engine.Domain;

namespace MatchEngine.Training.Synth;

/// <summary>A town centre: CBS municipality code, real coordinates, and relative population.</summary>
public sealed record Town(string Name, string Municipality, double Lat, double Lon, double Population);

/// <summary>The arbeidsmarktregio's the generator knows, with their real town centres.</summary>
public static class Geography
{
    private static readonly Dictionary<string, Town[]> Regions = new(StringComparer.Ordinal)
    {
        // Gooi en Vechtstreek
        ["GV"] =
        [
            new("Hilversum", "GM0402", 52.2292, 5.1669, 92),
            new("Bussum", "GM1942", 52.2737, 5.1608, 34),
            new("Naarden", "GM1942", 52.2953, 5.1625, 18),
            new("Huizen", "GM0406", 52.2993, 5.2420, 41),
            new("Laren", "GM0417", 52.2563, 5.2275, 11),
            new("Blaricum", "GM0376", 52.2733, 5.2433, 12),
            new("Loosdrecht", "GM1696", 52.2000, 5.0830, 14),
            new("Nederhorst den Berg", "GM1696", 52.2625, 5.0439, 6),
        ],
        // Amersfoort
        ["AM"] =
        [
            new("Amersfoort", "GM0307", 52.1561, 5.3878, 160),
            new("Soest", "GM0342", 52.1737, 5.2917, 47),
            new("Baarn", "GM0308", 52.2117, 5.2881, 25),
            new("Leusden", "GM0327", 52.1325, 5.4311, 30),
            new("Nijkerk", "GM0267", 52.2200, 5.4861, 44),
            new("Woudenberg", "GM0351", 52.0817, 5.4161, 14),
        ],
    };

    /// <summary>Known region codes.</summary>
    public static IReadOnlyCollection<string> Codes => Regions.Keys;

    /// <summary>The towns of <paramref name="region"/>; throws for an unknown code.</summary>
    public static IReadOnlyList<Town> Towns(string region) =>
        Regions.TryGetValue(region, out var towns) ? towns : throw new ArgumentException($"onbekende regio '{region}'; bekende regio's: {Dutch.List(Regions.Keys)}");
}
