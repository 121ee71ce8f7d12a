namespace MatchEngine.Tests.Support;

/// <summary>A clock that always says <paramref name="now"/>.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
