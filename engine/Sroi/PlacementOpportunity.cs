using MatchEngine.Engine.Matching;

namespace MatchEngine.Engine.Sroi;

/// <summary>
/// A way to add social return to a contract: an open vacancy or a carved role at the contractor, valued as if
/// filled from <see cref="FillFrom"/> to the contract end by a typical bijstand candidate (a carved role at the
/// carved-role rate), weighted by <see cref="SuccessChance"/>. <see cref="ExpectedEur"/> = value × chance (as shown, four decimals), in cents.
/// <see cref="SuccessChance"/> = 1 / (1 + e^(−s)) of the top candidate's shortlist score s (0 without candidates):
/// a monotone squash of the ranker's score to 0..1 used to rank, not a calibrated probability.
/// Hours: a vacancy's midpoint (min + max) / 2, a carved role its hours; one position per opportunity.
/// </summary>
public sealed record PlacementOpportunity(
    OpportunityKind Kind,
    string Id,
    string Title,
    string Isco,
    DateOnly FillFrom,
    SroiValuation Value,
    double SuccessChance,
    decimal ExpectedEur,
    IReadOnlyList<ShortlistEntry> Candidates);
