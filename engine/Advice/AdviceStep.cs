using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Matching;

namespace MatchEngine.Engine.Advice;

/// <summary>What kind of change a step makes.</summary>
public enum AdviceStepKind
{
    /// <summary>A leerwerk route from the catalogue: its skills, certificates, education or Dutch level.</summary>
    Route,

    /// <summary>Transport support (public-transport pass or travel allowance) that widens the candidate's reach.</summary>
    Transport,
}

/// <summary>
/// One attainable change to a candidate's record: a leerwerk route they may start, or transport support. Only what a
/// candidate can change counts; age, protected attributes, history and spell length never do.
/// </summary>
/// <param name="Key">What the step changes, for grouping equal effects ("certificate:vca", "dutch:B1", "reach").</param>
/// <param name="Label">The step in Dutch, e.g. "VCA halen (VCA Basis, 1 week)".</param>
/// <param name="Route">The route that gives it, or null for transport support.</param>
/// <param name="Changes">The parts of the record <paramref name="Apply"/> may change.</param>
public sealed record AdviceStep(AdviceStepKind Kind, string Key, string Label, LeerwerkRoute? Route, CandidateAspect Changes, Func<Candidate, Candidate> Apply)
{
    /// <summary>Weeks the step takes (0 for transport support).</summary>
    public int Weeks => Route?.Weeks ?? 0;

    /// <summary>What the step costs through the catalogue (0 for transport support, which the municipality arranges case by case).</summary>
    public decimal CostEur => Route?.CostEur ?? 0;
}
