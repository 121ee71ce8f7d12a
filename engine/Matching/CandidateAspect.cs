namespace MatchEngine.Engine.Matching;

/// <summary>
/// The parts of a candidate's record that a step of advice can change (a leerwerk route, transport support). Each pair
/// feature declares which of them it reads, so that the vector of a changed record recomputes only those features
/// (<see cref="PairFeatures.Changed"/>).
/// </summary>
[Flags]
public enum CandidateAspect
{
    /// <summary>None of the changeable parts.</summary>
    None = 0,

    /// <summary>The skills (as compared: resolved).</summary>
    Skills = 1,

    /// <summary>The certificates (as compared: resolved).</summary>
    Certificates = 2,

    /// <summary>The education level.</summary>
    Education = 4,

    /// <summary>The Dutch (CEFR) level.</summary>
    Dutch = 8,

    /// <summary>The maximum travel distance and the means of transport.</summary>
    Reach = 16,
}
