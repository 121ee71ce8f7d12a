namespace MatchEngine.Engine.Sroi;

/// <summary>
/// One placement that counts toward a contract, with its arithmetic. <see cref="Realised"/> covers the days
/// worked in [<see cref="CountedFrom"/>, <see cref="CountedTo"/>] (within the contract period, up to as-of;
/// ended/herinstroom stop the clock). <see cref="Committed"/> covers the days after as-of to the contract end
/// while the placement still runs (zero when it stopped). Euros in whole cents. No candidate id: the count is
/// the contractor's, and a candidate without consent must not appear in any output.
/// </summary>
public sealed record CountedPlacement(
    string PlacementId,
    string? VacancyId,
    AttributionRule Rule,
    IReadOnlyList<string> AlsoEligible,
    DateOnly Start,
    DateOnly? LastDayWorked,
    bool Running,
    DateOnly? CountedFrom,
    DateOnly? CountedTo,
    SroiValuation Realised,
    SroiValuation Committed);
