using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Sroi;

/// <summary>
/// How far a contract is with its social-return obligation on <see cref="AsOf"/>. Every euro adds up:
/// <list type="bullet">
/// <item><see cref="ObligationEur"/> = contract value × pct / 100;</item>
/// <item><see cref="RealisedEur"/> = Σ placements' <see cref="CountedPlacement.Realised"/> values;</item>
/// <item><see cref="OpenEur"/> = max(0, obligation − realised);</item>
/// <item><see cref="PacePerDayEur"/> = realised / <see cref="ElapsedDays"/> (0 before the start);</item>
/// <item><see cref="ProjectedEur"/> = realised + max(pace × <see cref="RemainingDays"/>, <see cref="CommittedEur"/>) (Σ committed values of running placements; the pace already includes what running placements earn, so the two are not added);</item>
/// <item><see cref="AtRisk"/> when projected &lt; obligation; <see cref="AtRiskEur"/> = max(0, obligation − projected).</item>
/// </list>
/// Elapsed days run from the contract start to min(as-of, end), both included; remaining days from the day
/// after as-of (or the start, if later) to the end; elapsed + remaining = the contract's length.
/// Euros are unrounded decimals; round to cents only when presenting.
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
    decimal ProjectedEur,
    bool AtRisk,
    decimal AtRiskEur,
    IReadOnlyList<CountedPlacement> Placements)
{
    /// <summary>The contract ended before <see cref="AsOf"/>: nothing more can be realised.</summary>
    public bool Ended => Contract.End < AsOf;
}
