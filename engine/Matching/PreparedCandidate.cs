using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Matching;

/// <summary>
/// A candidate with what pair featurization reads computed once: label sets and shifts as bits. A shortlist
/// featurizes a thousand of these against one vacancy, so each pair reads a few small arrays instead of
/// enumerating lists and hashing strings. Immutable.
/// </summary>
public sealed class PreparedCandidate
{
    public PreparedCandidate(Candidate candidate)
    {
        Candidate = candidate;
        SkillKeys = LabelSet.Of(candidate.Skills);
        CertificateKeys = LabelSet.Of(candidate.Certificates);
        DesiredSectorKeys = LabelSet.Of(candidate.DesiredSectors);
        ShiftsOk = ShiftBits.Of(candidate.ShiftsOk);
        HasCarOrPublicTransport = candidate.Transport.Contains(Transport.Car) || candidate.Transport.Contains(Transport.PublicTransport);
    }

    public Candidate Candidate { get; }
    public LabelSet SkillKeys { get; }
    public LabelSet CertificateKeys { get; }
    public LabelSet DesiredSectorKeys { get; }

    /// <summary>The shifts the candidate can work, as <see cref="ShiftBits"/>.</summary>
    public int ShiftsOk { get; }

    /// <summary>True when distance is no obstacle to getting there: by car or by public transport.</summary>
    public bool HasCarOrPublicTransport { get; }
}
