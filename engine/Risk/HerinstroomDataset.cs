using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Store;

namespace MatchEngine.Engine.Risk;

/// <summary>
/// Placements as herinstroom cases, straight from the store: only candidates with consent_matching are
/// read (the others are never scored, trained on or exported), and only through
/// <see cref="HerinstroomFeatures"/>, so protected attributes never reach a model. Stateless, thread-safe.
/// </summary>
public static class HerinstroomDataset
{
    /// <summary>Every placement of a consenting candidate, with its features, ordered by placement id.</summary>
    public static IReadOnlyList<HerinstroomCase> Cases(ICatalogStore store, Func<Candidate, bool>? candidateFilter = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var candidates = store.Candidates().Where(c => c.ConsentMatching && (candidateFilter is null || candidateFilter(c)))
            .ToDictionary(c => c.Id, StringComparer.Ordinal);
        return [.. store.Placements()
            .Where(p => candidates.ContainsKey(p.CandidateId))
            .OrderBy(p => p.Id, StringComparer.Ordinal)
            .Select(p => new HerinstroomCase(p, candidates[p.CandidateId], HerinstroomFeatures.Of(p, candidates[p.CandidateId])))];
    }

    /// <summary>The latest observed_until of any placement: the default "as of" date of training and scoring; null for no placements.</summary>
    public static DateOnly? LatestObservation(ICatalogStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return LatestObservation(store.Placements());
    }

    /// <summary>The latest observed_until among <paramref name="placements"/>; null for none.</summary>
    public static DateOnly? LatestObservation(IEnumerable<Placement> placements)
    {
        ArgumentNullException.ThrowIfNull(placements);
        DateOnly? latest = null;
        foreach (var p in placements) if (latest is null || p.ObservedUntil > latest) latest = p.ObservedUntil;
        return latest;
    }

    /// <summary>
    /// True when <paramref name="placement"/> has started on or before <paramref name="asOf"/>, has not
    /// ended by then and shows no herinstroom by then: the placements nazorg is for.
    /// </summary>
    public static bool IsActive(Placement placement, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(placement);
        return placement.Start <= asOf
            && (placement.Ended is not { } ended || ended > asOf)
            && (placement.HerinstroomAt is not { } back || back > asOf);
    }
}
