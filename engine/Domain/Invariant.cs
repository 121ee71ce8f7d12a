using System.Numerics;

namespace MatchEngine.Engine.Domain;

/// <summary>
/// The checks a domain record runs when built: each throws an <see cref="ArgumentException"/> (or
/// <see cref="ArgumentOutOfRangeException"/>) whose message names the property and the rule it breaks.
/// </summary>
internal static class Invariant
{
    /// <summary><paramref name="value"/> when <paramref name="limit"/> allows it.</summary>
    public static T Within<T>(T value, Limit<T> limit, string name) where T : struct, INumber<T> =>
        limit.Refusal(value) is { } refusal ? throw new ArgumentOutOfRangeException(name, value, $"{name} {refusal}.") : value;

    /// <summary><paramref name="value"/> when it is null or <paramref name="limit"/> allows it.</summary>
    public static T? Within<T>(T? value, Limit<T> limit, string name) where T : struct, INumber<T> =>
        value is { } v ? Within(v, limit, name) : null;

    /// <summary><paramref name="list"/> when it holds at least one value.</summary>
    public static IReadOnlyList<T> NotEmpty<T>(IReadOnlyList<T> list, string name)
    {
        ArgumentNullException.ThrowIfNull(list, name);
        return list.Count > 0 ? list : throw new ArgumentException($"{name} must hold at least one value.", name);
    }

    /// <summary>Throws when a rule gave a <paramref name="refusal"/> for property <paramref name="name"/>.</summary>
    public static void Holds(string? refusal, string name)
    {
        if (refusal is not null) throw new ArgumentException($"{name}: {refusal}.", name);
    }

    /// <summary>Latitude inside the Netherlands' bounding box.</summary>
    public static double Latitude(double lat, string name = "Lat") => Within(lat, ContractLimits.Latitude, name);

    /// <summary>Longitude inside the Netherlands' bounding box.</summary>
    public static double Longitude(double lon, string name = "Lon") => Within(lon, ContractLimits.Longitude, name);
}
