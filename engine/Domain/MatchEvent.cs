namespace MatchEngine.Engine.Domain;

/// <summary>One step in the history of a candidate proposed for a vacancy.</summary>
public sealed record MatchEvent
{
    public required string VacancyId { get; init; }
    public required string CandidateId { get; init; }
    public required DateTimeOffset At { get; init; }
    public required MatchStage Stage { get; init; }

    /// <summary>
    /// The candidate's 1-based position in the shortlist the accountmanager acted on, when the event came
    /// through the feedback loop (an optional extension of the contract); null for imported history.
    /// </summary>
    public int? Position { get; init => field = Invariant.Within(value, ContractLimits.ShortlistPosition, nameof(Position)); }

    /// <summary>The identity of an event in the store: events are facts, so an identical line is the same event.</summary>
    public string Key => $"{VacancyId}|{CandidateId}|{At:O}|{Stage}";
}
