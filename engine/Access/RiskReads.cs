using MatchEngine.Engine.Risk;

namespace MatchEngine.Engine.Access;

/// <summary>Herinstroom risk and the nazorg worklist through the policy layer: placements of visible candidates only, audited. Thread-safe.</summary>
public sealed class RiskReads(HerinstroomScorer scorer)
{
    /// <summary>Placements on a nazorg worklist when the caller does not say: a jobcoach's week.</summary>
    public const int DefaultCapacity = 10;

    /// <summary>The herinstroom risk of a placement whose candidate the caller may see; NOT_FOUND otherwise.</summary>
    public async Task<HerinstroomScore> ScoreAsync(CallerScope scope, string placementId)
    {
        var placement = scope.Placement(placementId);
        var score = scorer.ScoreHerinstroom(placement.Id);
        await scope.RecordAsync(AuditPurposes.HerinstroomRisk, [placement.CandidateId], placement.Id);
        return score;
    }

    /// <summary>The nazorg worklist of one region, which must be one of the caller's.</summary>
    public async Task<IReadOnlyList<NazorgEntry>> NazorgWorklistAsync(CallerScope scope, string region, DateOnly asOf, int capacity)
    {
        if (string.IsNullOrWhiteSpace(region)) throw new InvalidRequestException("region", "ontbreekt");
        scope.Regions(region); // PERMISSION_DENIED for a region outside the caller's
        var entries = scorer.NazorgWorklist(region, asOf, capacity);
        await scope.RecordAsync(AuditPurposes.NazorgWorklist(region), entries.Select(e => e.CandidateId), region);
        return entries;
    }
}
