namespace MatchEngine.Engine.Domain;

/// <summary>A procurement contract whose contractor must spend <see cref="ObligationPct"/>% of its value on social return.</summary>
public sealed record SroiContract
{
    public required string Id { get; init; }
    public required string EmployerId { get; init; }
    public string? Description { get; init; }
    public required decimal ContractValueEur { get; init; }
    public required decimal ObligationPct { get; init; }
    public required DateOnly Start { get; init; }
    public required DateOnly End { get; init; }

    /// <summary>The obligation in euros: value × percentage / 100.</summary>
    public decimal ObligationEur => ContractValueEur * ObligationPct / 100m;
}
