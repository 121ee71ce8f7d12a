namespace MatchEngine.Engine.Sroi;

/// <summary>
/// The placements of a contract whose candidate the caller may not see (another region, or no consent), as one sum:
/// how many, and their realised and committed euros (each the sum of the rounded line values). Nothing else of them is
/// shown, so no line can be traced to a person; the contract's totals equal the visible lines plus these sums.
/// </summary>
public sealed record WithheldPlacements(int Count, decimal RealisedEur, decimal CommittedEur)
{
    /// <summary>No placement withheld.</summary>
    public static WithheldPlacements None { get; } = new(0, 0m, 0m);

    /// <summary>The sum of <paramref name="lines"/>.</summary>
    public static WithheldPlacements Of(IReadOnlyCollection<CountedPlacement> lines) =>
        new(lines.Count, lines.Sum(l => l.Realised.ValueEur), lines.Sum(l => l.Committed.ValueEur));
}
