using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Risk;

/// <summary>A placement of a consenting candidate with its feature vector (<see cref="HerinstroomFeatures.Names"/> order). Immutable by convention: the array is never written after
/// construction.</summary>
public sealed record HerinstroomCase(Placement Placement, Candidate Candidate, double[] Features)
{
    /// <summary>Months from the start to <paramref name="day"/> (0 when the day is before the start).</summary>
    public double MonthsSinceStart(DateOnly day) => Math.Max(0, day.DayNumber - Placement.Start.DayNumber) / SurvivalObservation.DaysPerMonth;
}
