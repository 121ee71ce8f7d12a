using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Risk;

/// <summary>
/// A placement as a right-censored survival observation in months from its start: the time to
/// herinstroom (event) or to the end of observation (censored), as seen on <c>asOf</c>.
/// </summary>
public readonly record struct SurvivalObservation(double Months, bool Event)
{
    /// <summary>Average days in a month, for converting day counts.</summary>
    public const double DaysPerMonth = 30.4375;

    /// <summary>The observation of <paramref name="placement"/> as known on <paramref name="asOf"/>; null when it starts after that day.</summary>
    public static SurvivalObservation? Of(Placement placement, DateOnly asOf)
    {
        if (placement.Start > asOf) return null;
        var end = placement.ObservedUntil < asOf ? placement.ObservedUntil : asOf;
        if (placement.HerinstroomAt is { } back && back <= end)
            return new SurvivalObservation(Math.Max(0.5, back.DayNumber - placement.Start.DayNumber) / DaysPerMonth, true);
        return new SurvivalObservation(Math.Max(0.5, end.DayNumber - placement.Start.DayNumber) / DaysPerMonth, false);
    }
}
