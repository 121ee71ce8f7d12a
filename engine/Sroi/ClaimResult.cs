namespace MatchEngine.Engine.Sroi;

/// <summary>An accepted claim: the placement now counts toward <see cref="ContractId"/> by <see cref="Rule"/> (a rule that already gave it, or the claim).</summary>
public sealed record ClaimResult(string PlacementId, string ContractId, AttributionRule Rule);
