namespace MatchEngine.Models.Survival;

/// <summary>Scale on which a Kaplan–Meier confidence interval is symmetric.</summary>
public enum KmConfidenceType
{
    /// <summary>Symmetric on log S(t), upper bound capped at 1 (R's default <c>conf.type = "log"</c>).</summary>
    Log,

    /// <summary>Symmetric on log(−log S(t)); always inside [0, 1] (R's <c>conf.type = "log-log"</c>).</summary>
    LogLog,

    /// <summary>Symmetric on S(t) itself, clipped to [0, 1] (R's <c>conf.type = "plain"</c>).</summary>
    Plain,
}
