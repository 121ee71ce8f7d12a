namespace MatchEngine.Models.Survival;

/// <summary>How the Cox partial likelihood treats several events at the same time.</summary>
public enum CoxTies
{
    /// <summary>Efron's approximation; R's <c>coxph</c> default and the better one when ties are many.</summary>
    Efron,

    /// <summary>Breslow's approximation: every event at a time sees the full risk set.</summary>
    Breslow,
}
