using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Import;

namespace MatchEngine.Engine.Access;

/// <summary>
/// Imports, record writes and deletions through the policy layer, for gRPC, the CLI and the console alike: only a caller of every region may write,
/// and the erasure of a candidate is written to the audit trail (who erased whom, when), so a privacy officer who looks a candidate
/// up finds the erasure after the reads. Thread-safe.
/// </summary>
public sealed class CatalogWrites(CatalogService catalog)
{
    /// <summary>What a refusal of a caller limited to their own regions names.</summary>
    public const string What = "schrijven in de catalogus";

    /// <summary>
    /// Imports contract files into the live catalog as <c>matchengine import</c> imports a folder (<see cref="FolderImporter"/>), and
    /// brings the index up to date; the audit trail gets an entry for every candidate written. PERMISSION_DENIED for a caller limited
    /// to their own regions.
    /// </summary>
    public async Task<ImportResult> ImportAsync(CallerScope scope, IReadOnlyDictionary<EntityKind, Func<Stream>> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        scope.EnsureAllRegions(What);
        var result = new FolderImporter(catalog.Store, catalog.Validator).Import(files, cancellationToken);
        catalog.SyncIndex();
        if (result.CandidateIds.Count > 0) await scope.RecordAsync(AuditPurposes.Import, result.CandidateIds);
        return result;
    }

    /// <summary>
    /// Validates and writes contract records (<see cref="CatalogService.UpsertMany"/>): one outcome per record, in order, the valid ones
    /// committed together; the audit trail gets an entry for every candidate written. PERMISSION_DENIED for a caller limited to their own regions.
    /// </summary>
    public async Task<IReadOnlyList<UpsertOutcome>> UpsertAsync(CallerScope scope, IReadOnlyList<(EntityKind Kind, string Json)> records)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(records);
        scope.EnsureAllRegions(What);
        var outcomes = catalog.UpsertMany(records);
        var written = outcomes.Where((o, i) => o.Accepted && o.Id is not null && records[i].Kind == EntityKind.Candidate).Select(o => o.Id!).ToArray();
        if (written.Length > 0) await scope.RecordAsync(AuditPurposes.Upsert, written);
        return outcomes;
    }

    /// <summary>
    /// Deletes the records (<see cref="CatalogService.DeleteMany"/>: a candidate with their match events and placements); returns,
    /// per record in order, whether it existed. PERMISSION_DENIED for a caller limited to their own regions.
    /// </summary>
    public async Task<IReadOnlyList<bool>> DeleteAsync(CallerScope scope, IReadOnlyList<(EntityKind Kind, string Id)> records)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(records);
        scope.EnsureAllRegions(What);
        var existed = catalog.DeleteMany(records);
        var erased = records.Where((r, i) => existed[i] && r.Kind == EntityKind.Candidate).Select(r => r.Id).ToArray();
        if (erased.Length > 0) await scope.RecordAsync(AuditPurposes.Erasure, erased);
        return existed;
    }
}
