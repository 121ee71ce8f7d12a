using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Store;

namespace MatchEngine.Training.Cli;

/// <summary>
/// The <c>--region</c> check of the verbs that narrow to one region: a region no candidate of the store lives in is a typo
/// or another store's, and would otherwise give an empty answer that reads as "nobody fits".
/// </summary>
internal static class KnownRegions
{
    /// <summary>
    /// <paramref name="region"/> when it is null or some candidate of <paramref name="store"/> (with or without consent) lives in
    /// it; otherwise a failure naming it and the regions the store does hold.
    /// </summary>
    public static string? Require(ICatalogStore store, string? region)
    {
        if (region is null) return null;
        var known = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var candidate in store.Candidates())
        {
            if (candidate.Region == region) return region;
            known.Add(candidate.Region);
        }
        throw new CliFailureException(known.Count == 0
            ? $"regio {ClientValue.Quote(region)} is onbekend: de store heeft geen kandidaten"
            : $"regio {ClientValue.Quote(region)} is onbekend: geen kandidaat woont er; de store kent {Dutch.List(known, "en")}");
    }
}
