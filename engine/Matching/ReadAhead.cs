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
    /// <summary>
    /// Candidates read ahead at a time by <see cref="Featurize"/>: some fifty kilobytes of records, which stay cached until they
    /// are featurized; the 4,531 candidates of a pool retrieved whole, read in one pass, were evicted again before featurizing
    /// reached most of them (docs/scaling.md section 2).
    /// </summary>
    internal const int Block = 128;

    /// <summary>Where each pass leaves what it read, so the reads are not left out as unused.</summary>
    private static int _read;

    /// <summary>The feature vector of each retrieved candidate with <paramref name="vacancy"/>, each <see cref="Block"/> of them read ahead first.</summary>
    public static float[][] Featurize(PreparedVacancy vacancy, IReadOnlyList<RetrievedCandidate> retrieved)
    {
        var features = new float[retrieved.Count][];
        for (var start = 0; start < features.Length; start += Block)
        {
            var end = Math.Min(features.Length, start + Block);
            Candidates(retrieved, start, end);
            for (var i = start; i < end; i++) features[i] = PairFeatures.Featurize(vacancy, retrieved[i].Candidate, retrieved[i].Bm25);
        }
        return features;
    }

    /// <summary>Reads candidates <paramref name="from"/> to <paramref name="to"/> (exclusive) of <paramref name="retrieved"/> and the label sets and lists featurizing reads of them.</summary>
    public static void Candidates(IReadOnlyList<RetrievedCandidate> retrieved, int from, int to)
    {
        var read = 0;
        for (var i = from; i < to; i++)
        {
            var c = retrieved[i].Candidate;
            read += (int)c.Place.X + c.SkillKeys.Count + c.CertificateKeys.Count + c.DesiredSectorKeys.Count + c.Experience.Length + c.DesiredIsco.Length;
        }
        _read = read;
    }
}
