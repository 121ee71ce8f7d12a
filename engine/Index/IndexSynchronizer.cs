using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Store;

namespace MatchEngine.Engine.Index;

/// <summary>
/// Brings the index up to the store. The index records the store revision of its last commit; on
/// catch-up every candidate and vacancy changed or deleted after it is applied. A missing or unreadable
/// index, or one ahead of its store (the store was replaced), is rebuilt from scratch, and so is one
/// far behind (a bulk rebuild is faster than many single updates).
/// </summary>
public static class IndexSynchronizer
{
    /// <summary>Above this many pending changes the index is rebuilt rather than updated.</summary>
    public const int RebuildThreshold = 20_000;

    /// <summary>Catches up; returns how many changes were applied (or records indexed when rebuilt).</summary>
    public static int CatchUp(ICatalogStore store, LuceneCatalogIndex index)
    {
        var storeRevision = store.Revision;
        if (index.WasRecreated && index.Revision == 0 || index.Revision > storeRevision)
            return Rebuild(store, index, storeRevision);
        if (index.Revision == storeRevision) return 0;
        var changes = store.ChangesSince(index.Revision);
        if (changes.Count > RebuildThreshold) return Rebuild(store, index, storeRevision);

        var candidates = new List<Candidate>();
        var vacancies = new List<Vacancy>();
        var deletions = new List<(EntityKind, string)>();
        foreach (var change in changes.GroupBy(c => (c.Kind, c.Id)).Select(g => g.MaxBy(c => c.Revision)!))
        {
            if (change.Deleted)
            {
                deletions.Add((change.Kind, change.Id));
                continue;
            }
            if (change.Kind == EntityKind.Candidate && store.GetCandidate(change.Id) is { } c) candidates.Add(c);
            else if (change.Kind == EntityKind.Vacancy && store.GetVacancy(change.Id) is { } v) vacancies.Add(v);
        }
        index.Apply(candidates, vacancies, deletions, storeRevision);
        return changes.Count;
    }

    private static int Rebuild(ICatalogStore store, LuceneCatalogIndex index, long storeRevision)
    {
        index.Rebuild(store.Candidates(), store.Vacancies(), storeRevision);
        return store.Count(EntityKind.Candidate) + store.Count(EntityKind.Vacancy);
    }
}
