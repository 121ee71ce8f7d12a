namespace MatchEngine.Engine.Domain;

/// <summary>
/// A placement in work and what followed. <see cref="Start"/> is the day the person left the bijstand;
/// with <see cref="HerinstroomAt"/> null the placement is right-censored at <see cref="ObservedUntil"/>.
/// </summary>
public sealed record Placement
{
    public required string Id { get; init; }
    public required string CandidateId { get; init; }
    public required string EmployerId { get; init; }
    public string? VacancyId { get; init; }
    public required DateOnly Start { get; init; }
    public required double HoursPerWeek { get; init; }
    public required ContractKind Contract { get; init; }
    public IReadOnlyList<Instrument> Instruments { get; init; } = [];
    public string? RouteId { get; init; }
    public bool? RouteCompleted { get; init; }
    public DateOnly? Ended { get; init; }
    public DateOnly? HerinstroomAt { get; init; }
    public required DateOnly ObservedUntil { get; init; }
}
