using MathNet.Numerics.LinearAlgebra;

namespace MatchEngine.Models.Survival;

/// <summary>
/// Fits Cox proportional hazards models to right-censored data by Newton–Raphson on the partial
/// likelihood, as R's <c>coxph</c> does: start at β = 0, halve the step whenever the log likelihood
/// drops, stop when the relative change in log likelihood is ≤ 1e-9. Stateless and thread-safe.
/// </summary>
public static class CoxRegression
{
    /// <summary>The 97.5% standard normal quantile used for 95% intervals.</summary>
    internal const double Z975 = 1.959963984540054;

    /// <summary>Relative change in log likelihood at which R's <c>coxph</c> stops.</summary>
    public const double DefaultTolerance = 1e-9;

    /// <summary>R's default <c>iter.max</c>.</summary>
    public const int DefaultMaxIterations = 20;

    /// <summary>Fits a model to an n × p covariate matrix.</summary>
    public static CoxModel Fit(double[,] x, IReadOnlyList<double> time, IReadOnlyList<bool> @event, CoxTies ties, IReadOnlyList<string> names,
        int maxIterations = DefaultMaxIterations, double tolerance = DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(x);
        var rows = new double[x.GetLength(0)][];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = new double[x.GetLength(1)];
            for (var j = 0; j < rows[i].Length; j++) rows[i][j] = x[i, j];
        }
        return Fit(rows, time, @event, ties, names, maxIterations, tolerance);
    }

    /// <summary>
    /// Fits a model to covariate rows <paramref name="x"/> (one per subject, each of length p ≥ 1),
    /// follow-up <paramref name="time"/> (≥ 0) and <paramref name="event"/> (true = observed, false = censored).
    /// Throws <see cref="InvalidOperationException"/> when there are no events or the information matrix
    /// is singular (collinear or constant covariates).
    /// </summary>
    public static CoxModel Fit(IReadOnlyList<double[]> x, IReadOnlyList<double> time, IReadOnlyList<bool> @event, CoxTies ties, IReadOnlyList<string> names,
        int maxIterations = DefaultMaxIterations, double tolerance = DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(@event);
        ArgumentNullException.ThrowIfNull(names);
        SurvivalChecks.TimesAndEvents(time, @event);
        SurvivalChecks.SameLength(time.Count, x.Count, nameof(x));
        if (names.Count == 0) throw new ArgumentException("at least one covariate is needed", nameof(names));
        for (var i = 0; i < x.Count; i++)
        {
            if (x[i].Length != names.Count) throw new ArgumentException($"row {i + 1} has {x[i].Length} covariates, expected {names.Count}", nameof(x));
            if (x[i].Any(v => !double.IsFinite(v))) throw new ArgumentException($"row {i + 1} has a covariate that is not finite", nameof(x));
        }
        if (maxIterations < 1) throw new ArgumentOutOfRangeException(nameof(maxIterations), maxIterations, "must be ≥ 1");
        var events = @event.Count(e => e);
        if (events == 0) throw new InvalidOperationException("geen gebeurtenissen: een Cox-model heeft minstens één waargenomen gebeurtenis nodig");

        var p = names.Count;
        var likelihood = new CoxPartialLikelihood(x, time, @event, ties);
        var u = new double[p];
        var imat = new double[p * p];
        var beta = new double[p];
        var loglik = likelihood.Evaluate(beta, u, imat);
        var loglikNull = loglik;
        var step = Solve(imat, u, p);
        var scoreTest = Dot(u, step);
        var newBeta = Add(beta, step);
        var newLoglik = loglik;
        var halving = false;
        var converged = false;
        var iterations = 0;
        for (iterations = 1; iterations <= maxIterations; iterations++)
        {
            newLoglik = likelihood.Evaluate(newBeta, u, imat);
            if (Math.Abs(1 - (loglik / newLoglik)) <= tolerance && !halving)
            {
                converged = true;
                break;
            }
            if (iterations == maxIterations) break;
            if (newLoglik < loglik)
            {
                // Overshoot: go back half-way towards the last accepted point, as coxph does.
                halving = true;
                for (var j = 0; j < p; j++) newBeta[j] = (newBeta[j] + beta[j]) / 2;
            }
            else
            {
                halving = false;
                loglik = newLoglik;
                beta = newBeta;
                newBeta = Add(beta, Solve(imat, u, p));
            }
        }
        iterations = Math.Min(iterations, maxIterations);
        var covariance = Invert(imat, p);
        var wald = Dot(newBeta, Multiply(imat, newBeta, p));
        var baseline = likelihood.BaselineHazard(newBeta);
        var coefficients = names.Select((name, j) => new CoxCoefficient(name, newBeta[j], Math.Sqrt(covariance[j, j]))).ToArray();
        return new CoxModel(
            ties, coefficients, covariance, loglikNull, newLoglik,
            new ChiSquareTest(2 * (newLoglik - loglikNull), p), new ChiSquareTest(wald, p), new ChiSquareTest(scoreTest, p),
            time.Count, events, iterations, converged, likelihood.Means, new BaselineHazard(baseline.Times, baseline.Breslow, baseline.Efron));
    }

    private static double[] Solve(double[] information, double[] score, int p)
    {
        try
        {
            return Matrix<double>.Build.DenseOfRowMajor(p, p, information).Cholesky().Solve(Vector<double>.Build.DenseOfArray(score)).ToArray();
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException("de informatiematrix is singulier: sommige covariaten zijn constant of collineair", e);
        }
    }

    private static double[,] Invert(double[] information, int p)
    {
        try
        {
            var m = Matrix<double>.Build.DenseOfRowMajor(p, p, information);
            return m.Cholesky().Solve(Matrix<double>.Build.DenseIdentity(p)).ToArray();
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException("de informatiematrix is singulier: sommige covariaten zijn constant of collineair", e);
        }
    }

    private static double[] Multiply(double[] m, double[] v, int p)
    {
        var r = new double[p];
        for (var j = 0; j < p; j++)
        {
            for (var l = 0; l < p; l++) r[j] += m[(j * p) + l] * v[l];
        }
        return r;
    }

    private static double Dot(double[] a, double[] b) => a.Select((v, j) => v * b[j]).Sum();

    private static double[] Add(double[] a, double[] b) => [.. a.Select((v, j) => v + b[j])];
}
