namespace MatchEngine.Models.Herinstroom;

/// <summary>
/// One placement's cumulative risk of herinstroom F(t) = 1 − exp(−m·H(t)) as a function of months t
/// since the start: H is either a right-continuous step function (a Cox baseline) or piecewise linear
/// between knots, flat after the last knot, and m ≥ 0 a multiplier. F is non-decreasing in t and in
/// [0, 1). Immutable and thread-safe; the knot arrays may be shared between curves and are never written.
/// </summary>
public sealed class RiskCurve
{
    private readonly double[] _months;
    private readonly double[] _hazard;
    private readonly double _multiplier;
    private readonly bool _linear;

    private RiskCurve(double[] months, double[] hazard, double multiplier, bool linear)
    {
        _months = months;
        _hazard = hazard;
        _multiplier = multiplier;
        _linear = linear;
    }

    /// <summary>A step curve: H(t) = <paramref name="hazard"/>[i] for the last i with months[i] ≤ t, 0 before the first.</summary>
    public static RiskCurve Step(double[] months, double[] hazard, double multiplier) => new(months, hazard, multiplier, false);

    /// <summary>A piecewise-linear curve through (months[i], hazard[i]); months must start at 0 with hazard 0.</summary>
    public static RiskCurve Linear(double[] months, double[] hazard) => new(months, hazard, 1.0, true);

    /// <summary>F(t): probability of herinstroom within <paramref name="months"/> months of the start, in [0, 1).</summary>
    public double At(double months)
    {
        var i = Array.BinarySearch(_months, months);
        double h;
        if (i >= 0)
        {
            h = _hazard[i];
        }
        else
        {
            var after = ~i;
            if (after == 0) h = 0;
            else if (!_linear || after == _months.Length) h = _hazard[after - 1];
            else
            {
                var (m0, m1) = (_months[after - 1], _months[after]);
                h = _hazard[after - 1] + ((_hazard[after] - _hazard[after - 1]) * (months - m0) / (m1 - m0));
            }
        }
        var x = _multiplier * h;
        // 1 − exp(−x) loses digits for small x, where most placement risks sit.
        return x < 1e-5 ? x * (1 - (x / 2 * (1 - (x / 3)))) : 1 - Math.Exp(-x);
    }

    /// <summary>
    /// Risk of herinstroom in the next <paramref name="window"/> months for someone still out of the
    /// bijstand <paramref name="elapsed"/> months after the start: (F(t + w) − F(t)) / (1 − F(t)).
    /// </summary>
    public double Conditional(double elapsed, double window)
    {
        var now = At(elapsed);
        return now >= 1 ? 0 : Math.Max(0, (At(elapsed + window) - now) / (1 - now));
    }
}
