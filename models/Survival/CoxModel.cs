namespace MatchEngine.Models.Survival;

/// <summary>
/// A fitted Cox proportional hazards model: coefficients with Wald inference, likelihoods, global
/// tests and the baseline hazard for predictions. Immutable and thread-safe. Times are in the unit of
/// the training data; covariate vectors are in the training column order and scale (uncentered).
/// </summary>
public sealed class CoxModel
{
    private readonly double[,] _covariance;
    private readonly double[] _means;

    internal CoxModel(CoxTies ties, IReadOnlyList<CoxCoefficient> coefficients, double[,] covariance, double loglikNull, double loglik,
        ChiSquareTest likelihoodRatio, ChiSquareTest wald, ChiSquareTest score, int count, int events, int iterations, bool converged,
        double[] means, BaselineHazard baseline)
    {
        Ties = ties;
        Coefficients = coefficients;
        _covariance = covariance;
        LoglikNull = loglikNull;
        Loglik = loglik;
        LikelihoodRatioTest = likelihoodRatio;
        WaldTest = wald;
        ScoreTest = score;
        Count = count;
        Events = events;
        Iterations = iterations;
        Converged = converged;
        _means = means;
        Baseline = baseline;
    }

    /// <summary>Tie handling the model was fitted with.</summary>
    public CoxTies Ties { get; }

    /// <summary>Coefficients in covariate order.</summary>
    public IReadOnlyList<CoxCoefficient> Coefficients { get; }

    /// <summary>Log partial likelihood at β = 0.</summary>
    public double LoglikNull { get; }

    /// <summary>Log partial likelihood at the fitted β.</summary>
    public double Loglik { get; }

    /// <summary>Likelihood-ratio test of β = 0: 2(loglik − loglik_null) on p degrees of freedom.</summary>
    public ChiSquareTest LikelihoodRatioTest { get; }

    /// <summary>Wald test of β = 0: β′ I(β) β on p degrees of freedom.</summary>
    public ChiSquareTest WaldTest { get; }

    /// <summary>Score (log-rank type) test of β = 0: U(0)′ I(0)⁻¹ U(0) on p degrees of freedom.</summary>
    public ChiSquareTest ScoreTest { get; }

    /// <summary>Number of subjects.</summary>
    public int Count { get; }

    /// <summary>Number of observed events.</summary>
    public int Events { get; }

    /// <summary>Newton–Raphson iterations used.</summary>
    public int Iterations { get; }

    /// <summary>False when the iteration limit was hit before the log likelihood settled.</summary>
    public bool Converged { get; }

    /// <summary>Baseline cumulative hazard at x = 0.</summary>
    public BaselineHazard Baseline { get; }

    /// <summary>Training means of the covariates (R's <c>fit$means</c>).</summary>
    public IReadOnlyList<double> Means => _means;

    /// <summary>
    /// The increment type predictions use unless told otherwise: Efron after an Efron fit and Breslow
    /// after a Breslow fit, as R's <c>survfit.coxph</c>.
    /// </summary>
    public BaselineHazardType DefaultHazardType => Ties == CoxTies.Efron ? BaselineHazardType.Efron : BaselineHazardType.Breslow;

    /// <summary>Covariance of the coefficients (inverse information), element [j, l].</summary>
    public double Covariance(int j, int l) => _covariance[j, l];

    /// <summary>x′β for an uncentered covariate vector.</summary>
    public double LinearPredictor(IReadOnlyList<double> covariates)
    {
        ArgumentNullException.ThrowIfNull(covariates);
        SurvivalChecks.SameLength(Coefficients.Count, covariates.Count, nameof(covariates));
        var eta = 0.0;
        for (var j = 0; j < covariates.Count; j++) eta += covariates[j] * Coefficients[j].Coef;
        return eta;
    }

    /// <summary>H(t | x) = H₀(t)·exp(x′β), ≥ 0.</summary>
    public double CumulativeHazard(double t, IReadOnlyList<double> covariates, BaselineHazardType? type = null) =>
        Baseline.At(t, type ?? DefaultHazardType) * Math.Exp(LinearPredictor(covariates));

    /// <summary>S(t | x) = exp(−H(t | x)), in (0, 1].</summary>
    public double Survival(double t, IReadOnlyList<double> covariates, BaselineHazardType? type = null) =>
        Math.Exp(-CumulativeHazard(t, covariates, type));

    /// <summary>1 − S(t | x): probability of the event by time t, in [0, 1).</summary>
    public double AbsoluteRisk(double t, IReadOnlyList<double> covariates, BaselineHazardType? type = null) =>
        OneMinusExpNeg(CumulativeHazard(t, covariates, type));

    // 1 − exp(−h) loses digits for small h, which is where most placement risks sit.
    private static double OneMinusExpNeg(double h) =>
        h < 1e-5 ? h * (1 - (h / 2 * (1 - (h / 3)))) : 1 - Math.Exp(-h);
}
