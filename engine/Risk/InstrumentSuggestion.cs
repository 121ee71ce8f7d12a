namespace MatchEngine.Engine.Risk;

/// <summary>An instrument the placement does not have yet whose Cox coefficient is negative (associated with lower herinstroom risk; association, not proven effect).</summary>
/// <param name="Feature">Instrument feature, e.g. <c>jobcoach</c>, <c>route_completed</c>.</param>
/// <param name="Text">What to do, in Dutch, e.g. "jobcoach inzetten".</param>
/// <param name="HazardRatio">exp(β): the factor on the hazard associated with the instrument, in (0, 1).</param>
public sealed record InstrumentSuggestion(string Feature, string Text, double HazardRatio);
