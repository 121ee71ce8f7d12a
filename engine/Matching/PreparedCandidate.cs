using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Matching;

/// <summary>A candidate with its label keys computed once, for fast pair featurization. Immutable.</summary>
public sealed class PreparedCandidate
{
    public PreparedCandidate(Candidate candidate)
    {
        Candidate = candidate;
        SkillKeys = Labels.Keys(candidate.Skills);
        CertificateKeys = Labels.Keys(candidate.Certificates);
        DesiredSectorKeys = Labels.Keys(candidate.DesiredSectors);
    }

    public Candidate Candidate { get; }
    public HashSet<string> SkillKeys { get; }
    public HashSet<string> CertificateKeys { get; }
    public HashSet<string> DesiredSectorKeys { get; }
}
