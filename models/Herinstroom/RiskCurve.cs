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
    public double At(double months) => Risk(_multiplier * Hazard(months));

    /// <summary>H(t): the baseline's cumulative hazard <paramref name="months"/> months after the start.</summary>
    private double Hazard(double months)
    {
        var i = Array.BinarySearch(_months, months);
        if (i >= 0) return _hazard[i];
        var after = ~i;
        if (after == 0) return 0;
        if (!_linear || after == _months.Length) return _hazard[after - 1];
        var (m0, m1) = (_months[after - 1], _months[after]);
        return _hazard[after - 1] + ((_hazard[after] - _hazard[after - 1]) * (months - m0) / (m1 - m0));
    }

    /// <summary>1 − exp(−x), the risk of a cumulative hazard x.</summary>
    private static double Risk(double x) =>
        // 1 − exp(−x) loses digits for small x, where most placement risks sit.
        x < 1e-5 ? x * (1 - (x / 2 * (1 - (x / 3)))) : 1 - Math.Exp(-x);

    /// <summary>
    /// Risk of herinstroom in the next <paramref name="window"/> months for someone still out of the
    /// bijstand <paramref name="elapsed"/> months after the start: (F(t + w) − F(t)) / (1 − F(t)), computed as
    /// 1 − exp(−m·(H(t + w) − H(t))), which stays exact where F(t) rounds to 1 (a placement whose risk by now is near certain
    /// and who is still at work has that hazard ahead of them too).
    /// </summary>
    public double Conditional(double elapsed, double window)
    {
        var ahead = Hazard(elapsed + window) - Hazard(elapsed);
        return ahead > 0 ? Risk(_multiplier * ahead) : 0;
    }
}
