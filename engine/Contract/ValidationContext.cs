namespace MatchEngine.Engine.Contract;

/// <summary>What validation needs from outside the record: today's date (for birth years).</summary>
public sealed record ValidationContext(DateOnly Today)
{
    /// <summary>A context for the clock's current local date.</summary>
    public static ValidationContext At(TimeProvider time) => new(DateOnly.FromDateTime(time.GetLocalNow().DateTime));
}
