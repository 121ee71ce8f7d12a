namespace MatchEngine.Tests.Support;

/// <summary>The tests' one fake clock: always the same instant, in UTC (a day means noon of it).</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <summary>Noon (UTC) of <paramref name="day"/>.</summary>
    public FixedClock(DateOnly day)
        : this(new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
