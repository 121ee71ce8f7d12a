namespace MatchEngine.Engine.Matching;

/// <summary>
/// Brings the retrieved candidates into the processor's caches before a shortlist featurizes them. The prepared
/// candidates of a shortlist lie scattered over a pool of hundreds of megabytes, so the first read of each waits on
/// memory; featurizing does a few hundred instructions per pair between those reads, so the processor waits for them
/// one at a time. This pass does nothing but those reads, a few instructions apart, so the processor has many of them
/// under way at once, and featurizing then finds its candidates cached.
/// </summary>
internal static class ReadAhead
{
    /// <summary>Where each pass leaves what it read, so the reads are not left out as unused.</summary>
    private static int _read;

    /// <summary>Reads each candidate of <paramref name="retrieved"/> and the label sets and lists featurizing reads of it.</summary>
    public static void Candidates(IReadOnlyList<RetrievedCandidate> retrieved)
    {
        var read = 0;
        for (var i = 0; i < retrieved.Count; i++)
        {
            var c = retrieved[i].Candidate;
            read += (int)c.Location.Lat + c.SkillKeys.Count + c.CertificateKeys.Count + c.DesiredSectorKeys.Count + c.Experience.Length + c.DesiredIsco.Length;
        }
        _read = read;
    }
}
