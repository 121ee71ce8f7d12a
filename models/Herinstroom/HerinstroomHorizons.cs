namespace MatchEngine.Models.Herinstroom;

/// <summary>The horizons, in months since the placement's start, at which herinstroom risk is trained, reported and evaluated.</summary>
public static class HerinstroomHorizons
{
    /// <summary>6, 12 and 24 months, ascending.</summary>
    public static IReadOnlyList<double> Months { get; } = [6.0, 12.0, 24.0];

    /// <summary>The horizon of the headline metrics (C-index, AUC, Brier, calibration): 12 months.</summary>
    public const double Evaluation = 12.0;
}
