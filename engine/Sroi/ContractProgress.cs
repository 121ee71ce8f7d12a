using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Sroi;

/// <summary>
/// How far a contract is with its social-return obligation on <see cref="AsOf"/>. Every euro adds up:
/// <list type="bullet">
/// <item><see cref="ObligationEur"/> = contract value × pct / 100, in cents;</item>
/// <item><see cref="RealisedEur"/> = Σ placements' <see cref="CountedPlacement.Realised"/> values;</item>
/// <item><see cref="OpenEur"/> = max(0, obligation − realised);</item>
/// <item><see cref="PacePerDayEur"/> = realised / <see cref="ElapsedDays"/> to four decimals (0 before the start);</item>
/// <item><see cref="CommittedEur"/> = Σ placements' <see cref="CountedPlacement.Committed"/> values (the future of running placements);</item>
/// <item><see cref="ProjectedAtPaceEur"/> = pace × <see cref="RemainingDays"/>, in cents;</item>
/// <item><see cref="ProjectedEur"/> = realised + max(<see cref="ProjectedAtPaceEur"/>, <see cref="CommittedEur"/>)
/// (the pace already includes what running placements earn, so the two are not added);</item>
/// <item><see cref="AtRisk"/> when projected &lt; obligation; <see cref="AtRiskEur"/> = max(0, obligation − projected).</item>
/// </list>
/// Elapsed days run from the contract start to min(as-of, end), both included; remaining days from the day
/// after as-of (or the start, if later) to the end; elapsed + remaining = the contract's length.
/// Every euro amount is whole cents: each placement's value is rounded, and totals are sums and differences of rounded
/// amounts, so a total equals the sum of the lines shown (<see cref="SroiRounding"/>).
/// </summary>
public sealed record ContractProgress(
    SroiContract Contract,
    DateOnly AsOf,
    int ContractDays,
    int ElapsedDays,
    int RemainingDays,
    decimal ObligationEur,
    decimal RealisedEur,
    decimal OpenEur,
    decimal PacePerDayEur,
    decimal CommittedEur,
    decimal ProjectedAtPaceEur,
    decimal ProjectedEur,
    bool AtRisk,
    decimal AtRiskEur,
    IReadOnlyList<CountedPlacement> Placements)
{
    /// <summary>
    /// Placements counted in the totals but left out of <see cref="Placements"/> because the caller may not see their
    /// candidate (set by the policy layer); <see cref="WithheldPlacements.None"/> otherwise.
    /// </summary>
    public WithheldPlacements Withheld { get; init; } = WithheldPlacements.None;

    /// <summary>The contract ended before <see cref="AsOf"/>: nothing more can be realised.</summary>
    public bool Ended => Contract.End < AsOf;
}
