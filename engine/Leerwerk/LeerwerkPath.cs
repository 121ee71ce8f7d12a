using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Leerwerk;

/// <summary>
/// A chain of routes, in the order they must be followed (a route's prerequisites are met by the ones
/// before it), that closes the gaps in <see cref="Closes"/>. Weeks add up because the steps are sequential.
/// </summary>
public sealed record LeerwerkPath(
    IReadOnlyList<LeerwerkRoute> Steps,
    IReadOnlyList<Gap> Closes,
    IReadOnlyList<Gap> Unclosable,
    bool OnTheJobAtEmployer)
{
    /// <summary>Total duration in weeks.</summary>
    public int TotalWeeks => Steps.Sum(s => s.Weeks);

    /// <summary>Total cost in euros.</summary>
    public decimal TotalCostEur => Steps.Sum(s => s.CostEur);

    /// <summary>True when every gap is closed.</summary>
    public bool ClosesAll => Unclosable.Count == 0;
}
