namespace MatchEngine.Engine.Sroi;

/// <summary>Day counting for SROI: closed intervals of calendar days, both ends included.</summary>
public static class SroiDays
{
    /// <summary>Days in [<paramref name="from"/>, <paramref name="to"/>], both included; 0 when empty.</summary>
    public static int Between(DateOnly from, DateOnly to) => to < from ? 0 : to.DayNumber - from.DayNumber + 1;

    /// <summary>
    /// The last day a placement worked: the day before it ended or the person returned to the bijstand
    /// (<c>ended</c> and <c>herinstroom_at</c> stop the clock and are not counted), or null while it runs.
    /// </summary>
    public static DateOnly? LastDayWorked(Domain.Placement placement)
    {
        ArgumentNullException.ThrowIfNull(placement);
        DateOnly? stop = placement.Ended;
        if (placement.HerinstroomAt is { } h && (stop is null || h < stop)) stop = h;
        return stop?.AddDays(-1);
    }

    /// <summary>The earlier of two days.</summary>
    public static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>The later of two days.</summary>
    public static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
