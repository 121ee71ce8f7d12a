using System.Numerics;

namespace MatchEngine.Engine.Domain;

/// <summary>
/// The allowed range of a number in the data contract: at least <see cref="Min"/> (above it when
/// <see cref="MinExclusive"/>) and at most <see cref="Max"/> when set. NaN is never allowed.
/// </summary>
public readonly record struct Limit<T>(T Min, T? Max = null, bool MinExclusive = false) where T : struct, INumber<T>
{
    /// <summary>
    /// Write the numbers of a quantity (a top, a distance) with a dot from 1.000 up (<see cref="Dutch.Grouped"/>); without it, from
    /// 10.000 up, so that a year stays 1940 (<see cref="Dutch.Exact"/>).
    /// </summary>
    public bool GroupThousands { get; init; }

    /// <summary>This range, its numbers written as a quantity's (<see cref="GroupThousands"/>).</summary>
    public Limit<T> Grouped() => this with { GroupThousands = true };

    /// <summary>True when <paramref name="value"/> lies inside the range.</summary>
    public bool Allows(T value) => (MinExclusive ? value > Min : value >= Min) && (Max is not { } max || value <= max);

    /// <summary>Why <paramref name="value"/> is refused, in Dutch, e.g. <c>moet 1–40 zijn, niet 0,5</c>; null when it is allowed.</summary>
    public string? Refusal(T value) => Allows(value) ? null : $"moet {this} zijn, niet {Format(value)}";

    /// <summary>The range as the refusal names it: <c>1–40</c>, <c>≥ 1</c> or <c>&gt; 0</c>.</summary>
    public override string ToString() => (Max, MinExclusive) switch
    {
        ({ } max, false) => $"{Format(Min)}–{Format(max)}",
        ({ } max, true) => $"> {Format(Min)} en ≤ {Format(max)}",
        (null, false) => $"≥ {Format(Min)}",
        (null, true) => $"> {Format(Min)}",
    };

    private string Format(T value) => GroupThousands ? Dutch.Grouped(double.CreateChecked(value)) : Dutch.Exact(double.CreateChecked(value));
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
