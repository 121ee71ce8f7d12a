namespace MatchEngine.Models.Survival;

/// <summary>
/// Right-censored survival data: one row per subject with a follow-up time, whether the event was
/// observed at that time (false = censored) and covariate values. Immutable; arrays are copied in.
/// </summary>
public sealed class SurvivalData
{
    private readonly double[] _time;
    private readonly bool[] _event;
    private readonly double[][] _covariates;

    /// <param name="time">Follow-up times, finite and ≥ 0, in any unit (the unit of every later time argument).</param>
    /// <param name="event">True where the event was observed, false where the subject was censored.</param>
    /// <param name="covariates">One row per subject, each with <paramref name="covariateNames"/>.Length finite values.</param>
    /// <param name="covariateNames">Distinct covariate names.</param>
    public SurvivalData(IReadOnlyList<double> time, IReadOnlyList<bool> @event, IReadOnlyList<IReadOnlyList<double>> covariates, IReadOnlyList<string> covariateNames)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(@event);
        ArgumentNullException.ThrowIfNull(covariates);
        ArgumentNullException.ThrowIfNull(covariateNames);
        SurvivalChecks.TimesAndEvents(time, @event);
        if (covariates.Count != time.Count)
        {
            throw new ArgumentException($"{covariates.Count} covariate rows for {time.Count} times", nameof(covariates));
        }
        if (covariateNames.Distinct(StringComparer.Ordinal).Count() != covariateNames.Count)
        {
            throw new ArgumentException("de namen van de covariaten moeten verschillen", nameof(covariateNames));
        }
        _time = [.. time];
        _event = [.. @event];
        _covariates = new double[covariates.Count][];
        for (var i = 0; i < covariates.Count; i++)
        {
            var row = covariates[i];
            if (row.Count != covariateNames.Count)
            {
                throw new ArgumentException($"row {i + 1} has {row.Count} covariates, expected {covariateNames.Count}", nameof(covariates));
            }
            if (row.Any(v => !double.IsFinite(v)))
            {
                throw new ArgumentException($"row {i + 1} has a covariate that is not finite", nameof(covariates));
            }
            _covariates[i] = [.. row];
        }
        CovariateNames = [.. covariateNames];
    }

    /// <summary>Number of subjects.</summary>
    public int Count => _time.Length;

    /// <summary>Follow-up times (≥ 0).</summary>
    public IReadOnlyList<double> Time => _time;

    /// <summary>True where the event was observed.</summary>
    public IReadOnlyList<bool> Event => _event;

    /// <summary>Covariate rows, one per subject.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Covariates => _covariates;

    /// <summary>Covariate names, in column order.</summary>
    public IReadOnlyList<string> CovariateNames { get; }

    /// <summary>Fits a Cox model to this data.</summary>
    public CoxModel FitCox(CoxTies ties = CoxTies.Efron) =>
        CoxRegression.Fit(_covariates, _time, _event, ties, [.. CovariateNames]);
}
