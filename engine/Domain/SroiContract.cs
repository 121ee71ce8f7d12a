namespace MatchEngine.Engine.Domain;

/// <summary>
/// A procurement contract whose contractor must spend <see cref="ObligationPct"/>% (0–100) of its value (above 0) on
/// social return, from <see cref="Start"/> to no earlier <see cref="End"/>. A rule between two properties is checked
/// when the second is set.
/// </summary>
public sealed record SroiContract
{
    public required string Id { get; init; }
    public required string EmployerId { get; init; }
    public string? Description { get; init; }
    public required decimal ContractValueEur { get; init => field = Invariant.Within(value, ContractLimits.ContractValueEur, nameof(ContractValueEur)); }
    public required decimal ObligationPct { get; init => field = Invariant.Within(value, ContractLimits.ObligationPct, nameof(ObligationPct)); }

    public required DateOnly Start
    {
        get;
        init
        {
            if (End != default) Invariant.Holds(ContractLimits.BeforeRefusal(End, value, nameof(Start)), nameof(End));
            field = value;
        }
    }

    public required DateOnly End
    {
        get;
        init
        {
            if (Start != default) Invariant.Holds(ContractLimits.BeforeRefusal(value, Start, nameof(Start)), nameof(End));
            field = value;
        }
    }

    /// <summary>The obligation in euros: value × percentage / 100.</summary>
    public decimal ObligationEur => ContractValueEur * ObligationPct / 100m;
}
