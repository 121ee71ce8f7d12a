using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Store;

/// <summary>
/// The source of truth for every contract record. Every write is one transaction and returns only
/// after it is committed; each commit raises <see cref="Revision"/> by one, and every changed or deleted
/// record is stamped with it so derived stores (the Lucene index) can catch up from any revision.
/// Implementations are thread-safe; an upsert of an existing id replaces the record.
/// </summary>
public interface ICatalogStore : IDisposable
{
    /// <summary>The revision of the last committed write; 0 for an empty store.</summary>
    long Revision { get; }

    /// <summary>Upserts every record of <paramref name="batch"/> in one transaction and returns the new revision.</summary>
    long Upsert(CatalogBatch batch);

    /// <summary>Deletes records by id in one transaction; returns the new revision and how many existed.</summary>
    (long Revision, int Deleted) Delete(EntityKind kind, IReadOnlyCollection<string> ids);

    /// <summary>True when a record of <paramref name="kind"/> with <paramref name="id"/> exists.</summary>
    bool Exists(EntityKind kind, string id);

    /// <summary>Number of records of a kind.</summary>
    int Count(EntityKind kind);

    Employer? GetEmployer(string id);
    Vacancy? GetVacancy(string id);
    Candidate? GetCandidate(string id);
    LeerwerkRoute? GetRoute(string id);
    SroiContract? GetSroiContract(string id);
    Placement? GetPlacement(string id);

    IEnumerable<Employer> Employers();
    IEnumerable<Vacancy> Vacancies();
    IEnumerable<Candidate> Candidates();
    IEnumerable<LeerwerkRoute> Routes();
    IEnumerable<SroiContract> SroiContracts();
    IEnumerable<MatchEvent> MatchEvents();
    IEnumerable<Placement> Placements();

    /// <summary>The match events of one vacancy, read by the prefix of their store id (<see cref="MatchEvent.Key"/>), not by a scan.</summary>
    IEnumerable<MatchEvent> MatchEventsOf(string vacancyId);

    /// <summary>
    /// The stored contract JSON (UTF-8) of every record of a kind, in ordinal id order, for bulk readers that
    /// parse it themselves (the candidate pool parses on every core): <paramref name="record"/> is called once per
    /// record on the calling thread, and its span is valid only during that call.
    /// </summary>
    void ScanJson(EntityKind kind, Action<ReadOnlySpan<byte>> record);

    /// <summary>Candidates and vacancies changed or deleted after <paramref name="revision"/>, for index catch-up.</summary>
    IReadOnlyList<Change> ChangesSince(long revision);

    /// <summary>True when a record of <paramref name="kind"/> was changed or deleted after <paramref name="revision"/>.</summary>
    bool ChangedSince(EntityKind kind, long revision);
}

/// <summary>A record changed (or deleted, then <see cref="Deleted"/>) at <see cref="Revision"/>.</summary>
public sealed record Change(EntityKind Kind, string Id, long Revision, bool Deleted);
