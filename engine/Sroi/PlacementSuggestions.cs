namespace MatchEngine.Engine.Sroi;

/// <summary>
/// The answer to "how can this contract close its gap?": its progress, the opportunities ranked by expected
/// euros (best first), and, when the contractor has no open vacancies, the kinds of jobs that would fit there
/// (<see cref="FittingOccupations"/>: titles of its past vacancies, else a sector-typical role) with <see cref="Note"/> saying so.
/// </summary>
public sealed record PlacementSuggestions(ContractProgress Progress, IReadOnlyList<PlacementOpportunity> Opportunities, IReadOnlyList<string> FittingOccupations, string Note);
