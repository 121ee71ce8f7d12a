namespace MatchEngine.Models.Survival;

/// <summary>Which estimator of the baseline cumulative hazard a Cox prediction uses.</summary>
public enum BaselineHazardType
{
    /// <summary>Breslow / Nelson–Aalen type increments d / Σ exp(xβ) (R's <c>ctype = 1</c>).</summary>
    Breslow,

    /// <summary>Efron-corrected increments Σₖ 1 / (Σ exp(xβ) − k/d · Σ_deaths exp(xβ)) (R's <c>ctype = 2</c>).</summary>
    Efron,
}
