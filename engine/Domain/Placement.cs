namespace MatchEngine.Engine.Domain;

/// <summary>
/// A placement in work and what followed. <see cref="Start"/> is the day the person left the bijstand;
/// with <see cref="HerinstroomAt"/> null the placement is right-censored at <see cref="ObservedUntil"/>. Hours per week
/// are above 0, and no date lies before <see cref="Start"/>; a rule between two properties is checked when the second
/// is set.
/// </summary>
public sealed record Placement
{
    public required string Id { get; init; }
    public required string CandidateId { get; init; }
    public required string EmployerId { get; init; }
    public string? VacancyId { get; init; }
    public required DateOnly Start
    {
        get;
        init
        {
            Invariant.Holds(ContractLimits.BeforeRefusal(Ended, value, nameof(Start)), nameof(Ended));
            Invariant.Holds(ContractLimits.BeforeRefusal(HerinstroomAt, value, nameof(Start)), nameof(HerinstroomAt));
            if (ObservedUntil != default) Invariant.Holds(ContractLimits.BeforeRefusal(ObservedUntil, value, nameof(Start)), nameof(ObservedUntil));
            field = value;
        }
    }

    public required double HoursPerWeek { get; init => field = Invariant.Within(value, ContractLimits.PositiveHours, nameof(HoursPerWeek)); }
    public required ContractKind Contract { get; init; }
    public IReadOnlyList<Instrument> Instruments { get; init; } = [];
    public string? RouteId { get; init; }
    public bool? RouteCompleted { get; init; }
    public DateOnly? Ended { get; init => field = NotBeforeStart(value, nameof(Ended)); }
    public DateOnly? HerinstroomAt { get; init => field = NotBeforeStart(value, nameof(HerinstroomAt)); }
    public required DateOnly ObservedUntil { get; init => field = NotBeforeStart(value, nameof(ObservedUntil))!.Value; }

    private DateOnly? NotBeforeStart(DateOnly? day, string name)
    {
        if (Start != default) Invariant.Holds(ContractLimits.BeforeRefusal(day, Start, nameof(Start)), name);
        return day;
    }
}
