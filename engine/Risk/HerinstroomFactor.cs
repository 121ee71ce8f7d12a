namespace MatchEngine.Engine.Risk;

/// <summary>
/// One factor behind a herinstroom risk, from the Cox model: <see cref="Contribution"/> = β·(x − mean),
/// the feature's contribution to the log hazard relative to an average placement (&gt; 0 raises the risk;
/// exp(contribution) is the factor on the hazard).
/// </summary>
/// <param name="Feature">Feature name (<see cref="HerinstroomFeatures.Names"/>).</param>
/// <param name="Text">The placement's value in Dutch words, e.g. "schuldhulp".</param>
/// <param name="Value">The placement's feature value.</param>
/// <param name="Contribution">Log-hazard contribution.</param>
public sealed record HerinstroomFactor(string Feature, string Text, double Value, double Contribution);
