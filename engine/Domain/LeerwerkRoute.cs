namespace MatchEngine.Engine.Domain;

/// <summary>
/// A leerwerk route on offer in the region. <see cref="WithWorkPlacement"/> marks a true
/// leerwerkarrangement (learning on the job). A null <see cref="Sector"/> means any sector. At least one week, a cost
/// not negative, and a location inside the Netherlands when set (see <see cref="ContractLimits"/>).
/// </summary>
public sealed record LeerwerkRoute
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Provider { get; init; }
    public required RouteKind Kind { get; init; }
    public string? Sector { get; init; }
    public IReadOnlyList<string> TeachesSkills { get; init; } = [];
    public IReadOnlyList<string> Certifies { get; init; } = [];
    public EducationLevel? RaisesEducationTo { get; init; }
    public CefrLevel? RaisesDutchTo { get; init; }
    public required int Weeks { get; init => field = Invariant.Within(value, ContractLimits.RouteWeeks, nameof(Weeks)); }
    public required decimal CostEur { get; init => field = Invariant.Within(value, ContractLimits.RouteCostEur, nameof(CostEur)); }
    public CefrLevel RequiresDutchMin { get; init; }
    public EducationLevel RequiresEducationMin { get; init; }
    public bool WithWorkPlacement { get; init; }
    public double? Lat { get; init => field = Invariant.Within(value, ContractLimits.Latitude, nameof(Lat)); }
    public double? Lon { get; init => field = Invariant.Within(value, ContractLimits.Longitude, nameof(Lon)); }
}
