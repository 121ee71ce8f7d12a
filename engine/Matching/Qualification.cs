namespace MatchEngine.Engine.Matching;

/// <summary>
/// Whether a candidate meets a vacancy's stated requirements, read from the pair's features (<see cref="PairFeatures"/>): every
/// required skill, no missing required certificate, and the work within the candidate's own reach. The fairness audit compares
/// exposure with the qualified pool, and fair re-ranking (<see cref="FairReranking"/>) aims at it, by this one definition. Stateless.
/// </summary>
public static class Qualification
{
    private static readonly int RequiredSkills = PairFeatures.IndexOf("required_skill_coverage");
    private static readonly int MissingCertificates = PairFeatures.IndexOf("missing_certificates");
    private static readonly int BeyondReach = PairFeatures.IndexOf("km_beyond_reach");

    /// <summary>True when the pair with <paramref name="features"/> meets the stated requirements.</summary>
    public static bool Meets(float[] features)
    {
        ArgumentNullException.ThrowIfNull(features);
        return features[RequiredSkills] >= 0.999f && features[MissingCertificates] == 0 && features[BeyondReach] == 0;
    }
}
