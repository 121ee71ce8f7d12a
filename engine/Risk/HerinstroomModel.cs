using MatchEngine.Models.Herinstroom;

namespace MatchEngine.Engine.Risk;

/// <summary>
/// A loaded herinstroom model version: the model that predicts (<see cref="Risk"/>, Cox or FastTree)
/// and the Cox model of the same training run that explains (factors and instruments). Immutable, thread-safe.
/// </summary>
public sealed record HerinstroomModel(IHerinstroomModel Risk, CoxRiskModel Explainer);
