namespace MatchEngine.Models.Survival;

/// <summary>One fitted Cox coefficient with its Wald inference.</summary>
/// <param name="Term">Covariate name.</param>
/// <param name="Coef">Log hazard ratio per unit of the covariate.</param>
/// <param name="StandardError">Standard error of <paramref name="Coef"/>, from the inverse information matrix.</param>
public sealed record CoxCoefficient(string Term, double Coef, double StandardError)
{
    /// <summary>Wald statistic coef / se.</summary>
    public double Z => Coef / StandardError;

    /// <summary>Two-sided p-value of <see cref="Z"/> under the standard normal, in [0, 1].</summary>
    public double P => 2.0 * MathNet.Numerics.Distributions.Normal.CDF(0, 1, -Math.Abs(Z));

    /// <summary>exp(coef): the hazard ratio per unit of the covariate.</summary>
    public double HazardRatio => Math.Exp(Coef);

    /// <summary>Lower end of the 95% Wald interval for the hazard ratio.</summary>
    public double HazardRatioLower95 => Math.Exp(Coef - (CoxRegression.Z975 * StandardError));

    /// <summary>Upper end of the 95% Wald interval for the hazard ratio.</summary>
    public double HazardRatioUpper95 => Math.Exp(Coef + (CoxRegression.Z975 * StandardError));
}
