using System.Globalization;
using System.Numerics;

namespace MatchEngine.Engine.Domain;

/// <summary>
/// The allowed range of a number in the data contract: at least <see cref="Min"/> (above it when
/// <see cref="MinExclusive"/>) and at most <see cref="Max"/> when set. NaN is never allowed.
/// </summary>
public readonly record struct Limit<T>(T Min, T? Max = null, bool MinExclusive = false) where T : struct, INumber<T>
{
    /// <summary>True when <paramref name="value"/> lies inside the range.</summary>
    public bool Allows(T value) => (MinExclusive ? value > Min : value >= Min) && (Max is not { } max || value <= max);

    /// <summary>Why <paramref name="value"/> is refused, e.g. <c>must be ≥ 1, got 0</c>; null when it is allowed.</summary>
    public string? Refusal(T value)
    {
        if (Allows(value)) return null;
        if (Max is { } max && value > max) return $"must be ≤ {Format(max)}, got {Format(value)}";
        return $"must be {(MinExclusive ? ">" : "≥")} {Format(Min)}, got {Format(value)}";
    }

    /// <inheritdoc />
    public override string ToString() => Max is { } max
        ? $"{(MinExclusive ? ">" : "≥")} {Format(Min)} and ≤ {Format(max)}"
        : $"{(MinExclusive ? ">" : "≥")} {Format(Min)}";

    internal static string Format(T value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}

/// <summary>Builds <see cref="Limit{T}"/> values.</summary>
public static class Limit
{
    /// <summary><paramref name="min"/> ≤ value ≤ <paramref name="max"/>.</summary>
    public static Limit<T> Between<T>(T min, T max) where T : struct, INumber<T> => new(min, max);

    /// <summary>value ≥ <paramref name="min"/>.</summary>
    public static Limit<T> AtLeast<T>(T min) where T : struct, INumber<T> => new(min);

    /// <summary>value &gt; <paramref name="min"/>.</summary>
    public static Limit<T> Above<T>(T min) where T : struct, INumber<T> => new(min, null, MinExclusive: true);
}
