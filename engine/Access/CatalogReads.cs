using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Index;

namespace MatchEngine.Engine.Access;

/// <summary>
/// Catalog reads through the policy layer: a candidate or placement only when the caller may see it (minimised,
/// audited); candidate searches only over the caller's regions, audited without the search text. Employers,
/// vacancies, routes and SROI contracts hold no personal data and are read as they are. Thread-safe.
/// </summary>
public sealed class CatalogReads(CatalogService catalog)
{
    /// <summary>Hits returned by a search when the caller does not say.</summary>
    public const int DefaultSearchTop = 10;

    /// <summary>One record by kind and id; NOT_FOUND when it does not exist or the caller may not see it.</summary>
    public async Task<object> GetAsync(CallerScope scope, EntityKind kind, string id)
    {
        RequiredId.Of(id, "id");
        switch (kind)
        {
            case EntityKind.Candidate:
                var candidate = scope.Candidate(id);
                await scope.RecordAsync(AuditPurposes.CandidateRecord, [candidate.Id]);
                return candidate;
            case EntityKind.Placement:
                var placement = scope.Placement(id);
                await scope.RecordAsync(AuditPurposes.PlacementRecord, [placement.CandidateId], placement.Id);
                return placement;
            default:
                return catalog.Get(kind, id) ?? throw new RecordNotFoundException(kind, id);
        }
    }

    /// <summary>
    /// Runs a search; for candidates, only over the regions the caller may see (narrowed to <paramref name="region"/>
    /// when given), and audited with a hash of the text.
    /// </summary>
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(CallerScope scope, SearchSpec spec, string? region)
    {
        if (spec.Kind != EntityKind.Candidate)
            return (spec with { Regions = string.IsNullOrEmpty(region) ? [] : [region] }).Run(catalog.Index);
        var regions = scope.Regions(region);
        // The index filters consent and region; each hit is checked against the store as well, since the index of a
        // replica follows the shared store a moment behind.
        IReadOnlyList<SearchHit> hits = regions.IsEmpty ? [] : [.. (spec with { Regions = regions.AsIndexFilter() }).Run(catalog.Index).Where(h => scope.SeesCandidate(h.Id))];
        await scope.RecordAsync(AuditPurposes.CandidateSearch, hits.Select(h => h.Id));
        return hits;
    }
}
