using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Index;
using MatchEngine.Engine.LabelResolution;
using MatchEngine.Engine.Store;

namespace MatchEngine.Engine.Catalog;

/// <summary>The result of upserting one record: accepted with the store revision, or its violations.</summary>
public sealed record UpsertOutcome(string? Id, IReadOnlyList<FieldViolation> Violations, long Revision)
{
    /// <summary>True when the record was committed.</summary>
    public bool Accepted => Violations.Count == 0;
}

/// <summary>
/// The catalog: the store (source of truth) with the Lucene index derived from it. Every write is
/// committed to the store first and then applied to the index; when the process dies in between, the
/// index catches up from the store's revision on the next open. Thread-safe.
/// </summary>
public sealed class CatalogService : IDisposable
{
    private readonly Lock _indexLock = new();

    private CatalogService(ICatalogStore store, LuceneCatalogIndex index, ContractValidator validator)
    {
        Store = store;
        Index = index;
        Validator = validator;
    }

    /// <summary>The source of truth.</summary>
    public ICatalogStore Store { get; }

    /// <summary>The search index, kept in step with <see cref="Store"/>.</summary>
    public LuceneCatalogIndex Index { get; }

    /// <summary>The contract validator every write goes through.</summary>
    public ContractValidator Validator { get; }

    /// <summary>
    /// Opens the store named by <paramref name="layout"/> (its SQLite file, or its shared PostgreSQL
    /// database) and the local index under it, rebuilding or catching up the index as needed.
    /// </summary>
    public static CatalogService Open(DataLayout layout, TimeProvider time)
    {
        var store = layout.Store.OpenCatalog();
        var index = new LuceneCatalogIndex(layout.IndexPath);
        var catalog = new CatalogService(store, index, new ContractValidator(ValidationContext.At(time)));
        catalog.SyncIndex();
        return catalog;
    }

    /// <summary>
    /// Applies every store change the index has not seen yet, including writes other processes committed
    /// to a shared store; returns how many changes were applied (or records indexed when rebuilt).
    /// </summary>
    public int SyncIndex()
    {
        lock (_indexLock) return IndexSynchronizer.CatchUp(Store, Index);
    }

    /// <summary>Validates (contract rules and references against the store) and upserts one contract JSON record.</summary>
    public UpsertOutcome Upsert(EntityKind kind, string json) => UpsertMany([(kind, json)])[0];

    /// <summary>
    /// Validates and upserts contract JSON records with one store transaction and one index sync (more only when a
    /// record repeats one earlier in the list: the earlier write is committed first, so the later one wins). A
    /// reference may name a record earlier in the list; invalid records are left out and the valid ones kept. Returns
    /// one outcome per record, in order; every accepted record carries the revision of the commit that wrote it, and
    /// all of them are committed when this returns.
    /// </summary>
    public IReadOnlyList<UpsertOutcome> UpsertMany(IReadOnlyList<(EntityKind Kind, string Json)> records)
    {
        var outcomes = new UpsertOutcome?[records.Count];
        var batch = new CatalogBatch();
        var staged = new HashSet<(EntityKind, string)>();
        var waiting = new List<int>();
        bool Exists(EntityKind kind, string id) => staged.Contains((kind, id)) || Store.Exists(kind, id);
        void Commit()
        {
            if (batch.Count == 0) return;
            BatchLabels.Resolve(batch, Store, LabelSources.Bundled);
            var revision = Store.Upsert(batch);
            foreach (var i in waiting) outcomes[i] = outcomes[i]! with { Revision = revision };
            (batch, waiting) = (new CatalogBatch(), []);
            staged.Clear();
        }

        for (var i = 0; i < records.Count; i++)
        {
            var (kind, json) = records[i];
            var parsed = Validator.Parse(kind, json);
            var violations = parsed.Violations.ToList();
            if (parsed.Record is not null) violations.AddRange(ReferenceCheck.Check(parsed.Record, Exists));
            if (violations.Count > 0 || parsed.Record is null)
            {
                outcomes[i] = new UpsertOutcome(parsed.Id, violations, 0);
                continue;
            }
            var key = (kind, parsed.Id ?? ((Domain.MatchEvent)parsed.Record).Key);
            if (staged.Contains(key)) Commit();
            batch.Add(parsed.Record);
            staged.Add(key);
            waiting.Add(i);
            outcomes[i] = new UpsertOutcome(parsed.Id, [], 0);
        }
        Commit();
        if (outcomes.Any(o => o!.Accepted)) SyncIndex();
        return outcomes!;
    }

    /// <summary>
    /// Deletes records; returns how many existed. Deleting a candidate erases them: their match events and
    /// placements go too, so no future training set or export holds them (the audit trail keeps the pseudonym).
    /// </summary>
    public int Delete(EntityKind kind, IReadOnlyCollection<string> ids)
    {
        var deleted = DeleteWithoutSync(kind, ids);
        if (deleted > 0) SyncIndex();
        return deleted;
    }

    /// <summary>
    /// Deletes records of any kinds, one store delete per kind and one index sync; returns, per record in order, whether
    /// it existed (false for a repeat of an id earlier in the list). Candidates are erased as by <see cref="Delete"/>.
    /// </summary>
    public IReadOnlyList<bool> DeleteMany(IReadOnlyList<(EntityKind Kind, string Id)> records)
    {
        var seen = new HashSet<(EntityKind, string)>();
        var existed = records.Select(r => seen.Add(r) && Store.Exists(r.Kind, r.Id)).ToArray();
        var deleted = 0;
        foreach (var group in records.Where((_, i) => existed[i]).GroupBy(r => r.Kind))
            deleted += DeleteWithoutSync(group.Key, group.Select(r => r.Id).ToArray());
        if (deleted > 0) SyncIndex();
        return existed;
    }

    private int DeleteWithoutSync(EntityKind kind, IReadOnlyCollection<string> ids)
    {
        if (kind == EntityKind.Candidate)
        {
            var erased = ids.ToHashSet(StringComparer.Ordinal);
            Store.Delete(EntityKind.MatchEvent, Store.MatchEvents().Where(e => erased.Contains(e.CandidateId)).Select(e => e.Key).ToArray());
            Store.Delete(EntityKind.Placement, Store.Placements().Where(p => erased.Contains(p.CandidateId)).Select(p => p.Id).ToArray());
        }
        var (_, deleted) = Store.Delete(kind, ids);
        return deleted;
    }

    /// <summary>One record by kind and id, or null.</summary>
    public object? Get(EntityKind kind, string id) => kind switch
    {
        EntityKind.Employer => Store.GetEmployer(id),
        EntityKind.SroiContract => Store.GetSroiContract(id),
        EntityKind.Vacancy => Store.GetVacancy(id),
        EntityKind.Candidate => Store.GetCandidate(id),
        EntityKind.Route => Store.GetRoute(id),
        EntityKind.Placement => Store.GetPlacement(id),
        _ => throw new InvalidRequestException("kind", $"een {kind.DutchName()} heeft geen id om op te zoeken"),
    };

    /// <inheritdoc />
    public void Dispose()
    {
        Index.Dispose();
        Store.Dispose();
    }
}
