namespace MatchEngine.Engine.Sroi;

/// <summary>
/// The one contract a placement counts toward, by which rule, and the other contracts of the same
/// contractor whose period also covers its start (they do not get it: a placement counts once).
/// </summary>
public sealed record Attribution(string PlacementId, string ContractId, AttributionRule Rule, IReadOnlyList<string> AlsoEligible);
