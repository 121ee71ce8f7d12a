using System.Globalization;
using System.Text.Json;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Contract;

namespace MatchEngine.Engine.Access;

/// <summary>
/// Recorded outcomes through the policy layer, for gRPC (<c>Match.RecordOutcome</c>), the console's outcome buttons and
/// <c>matchengine outcome</c> alike: the candidate must be one the caller may see, the match event passes the contract, and
/// the write is audited. Needs no ranker. Thread-safe.
/// </summary>
public sealed class OutcomeWrites(CatalogService catalog, TimeProvider time)
{
    /// <summary>
    /// Records what the caller did with a candidate for a vacancy (<c>voorgesteld</c>, <c>uitgenodigd</c>,
    /// <c>aangenomen</c>, <c>afgewezen</c> as contract stages) as a match event the next training run learns from;
    /// <paramref name="position"/> is the candidate's place on the shortlist the caller saw (null: unknown).
    /// Returns the store revision.
    /// </summary>
    public async Task<long> RecordAsync(CallerScope scope, string vacancyId, string candidateId, string stage, int? position)
    {
        scope.Candidate(candidateId);
        if (catalog.Store.GetVacancy(RequiredId.Of(vacancyId, "vacancy_id")) is null) throw new RecordNotFoundException(EntityKind.Vacancy, vacancyId);
        var json = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["vacancy_id"] = vacancyId,
            ["candidate_id"] = candidateId,
            ["at"] = time.GetLocalNow().ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
            ["stage"] = stage,
            ["position"] = position,
        });
        var outcome = catalog.Upsert(EntityKind.MatchEvent, json);
        if (!outcome.Accepted) throw new ContractViolationException(EntityKind.MatchEvent.DutchName(), null, outcome.Violations);
        await scope.RecordAsync(AuditPurposes.Outcome(stage), [candidateId], vacancyId);
        return outcome.Revision;
    }
}
