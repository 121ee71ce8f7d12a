using MathNet.Numerics;

namespace MatchEngine.Models.Survival;

/// <summary>A chi-square test result.</summary>
/// <param name="Statistic">The chi-square statistic, ≥ 0.</param>
/// <param name="DegreesOfFreedom">Degrees of freedom, ≥ 1.</param>
public sealed record ChiSquareTest(double Statistic, int DegreesOfFreedom)
{
    /// <summary>Upper-tail p-value in [0, 1].</summary>
    // The regularized upper gamma keeps precision for tiny p, where 1 − CDF would round to 0.
    public double P => Statistic <= 0 ? 1.0 : SpecialFunctions.GammaUpperRegularized(DegreesOfFreedom / 2.0, Statistic / 2.0);
}
