namespace MatchEngine.Models.Survival;

/// <summary>
/// The baseline cumulative hazard H₀(t) of a fitted Cox model at x = 0 (uncentered covariates), a
/// right-continuous step function of time that is 0 before the first event time. Immutable.
/// </summary>
public sealed class BaselineHazard
{
    private readonly double[] _times;
    private readonly double[] _breslow;
    private readonly double[] _efron;

    internal BaselineHazard(double[] times, double[] breslow, double[] efron)
    {
        _times = times;
        _breslow = breslow;
        _efron = efron;
    }

    /// <summary>Distinct event times, ascending; the steps of the function.</summary>
    public IReadOnlyList<double> Times => _times;

    /// <summary>H₀(t) at x = 0 with the given increment type; ≥ 0 and non-decreasing in t.</summary>
    public double At(double t, BaselineHazardType type)
    {
        var i = Array.BinarySearch(_times, t);
        i = i >= 0 ? i : ~i - 1;
        if (i < 0) return 0.0;
        return type switch
        {
            BaselineHazardType.Breslow => _breslow[i],
            BaselineHazardType.Efron => _efron[i],
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
        };
    }
}
