using MatchEngine.Engine.Matching;
using MatchEngine.Engine.Sroi;

namespace MatchEngine.Engine.Access;

/// <summary>
/// SROI through the policy layer. A contract's totals are the contractor's and count every placement, but a placement
/// line is shown only when the caller may see the placed candidate; the others are summed into
/// <see cref="ContractProgress.Withheld"/> (a count and euros, nothing else). Suggested candidates come from the
/// caller's regions; a claim needs a placement the caller may see. Every call is audited. Thread-safe.
/// </summary>
public sealed class SroiReads(SroiService sroi)
{
    /// <summary>Opportunities shown by <see cref="FindPlacementsAsync"/> when the caller does not say.</summary>
    public const int DefaultOpportunities = 10;

    /// <summary>A contract's progress on <paramref name="asOf"/>, with the lines the caller may see.</summary>
    public async Task<ContractProgress> ProgressAsync(CallerScope scope, string contractId, DateOnly asOf)
    {
        scope.EnsureSeesCandidates();
        var (progress, shown) = Visible(scope, sroi.Progress(contractId, asOf));
        await scope.RecordAsync(AuditPurposes.SroiProgress, shown, contractId);
        return progress;
    }

    /// <summary>Every running contract, most euros at risk first, with the lines the caller may see.</summary>
    public async Task<IReadOnlyList<WorklistEntry>> WorklistAsync(CallerScope scope, DateOnly asOf)
    {
        scope.EnsureSeesCandidates();
        var shown = new List<string>();
        var entries = sroi.Worklist(asOf).Select(e =>
        {
            var (progress, candidates) = Visible(scope, e.Progress);
            shown.AddRange(candidates);
            return e with { Progress = progress };
        }).ToArray();
        await scope.RecordAsync(AuditPurposes.SroiWorklist, shown);
        return entries;
    }

    /// <summary>Opportunities that would fill a contract's gap, each with its best candidates from the caller's regions.</summary>
    public async Task<PlacementSuggestions> FindPlacementsAsync(CallerScope scope, string contractId, DateOnly asOf, int top)
    {
        var regions = scope.Regions();
        var found = sroi.FindPlacements(contractId, asOf, top, regions.IsEmpty ? null : new ShortlistFilters(regions.AsIndexFilter()));
        var (progress, lines) = Visible(scope, found.Progress);
        var suggested = found.Opportunities.SelectMany(o => o.Candidates.Select(c => c.CandidateId));
        await scope.RecordAsync(AuditPurposes.SroiPlacements, lines.Concat(suggested), contractId);
        return found with { Progress = progress };
    }

    /// <summary>
    /// Counts a placement the caller may see toward a contract. The attempt is audited before it is made: a refusal
    /// (another contractor, another contract's placement) also tells the caller about the placement.
    /// </summary>
    public async Task<ClaimResult> ClaimAsync(CallerScope scope, string contractId, string placementId)
    {
        var placement = scope.Placement(placementId);
        await scope.RecordAsync(AuditPurposes.SroiClaim, [placement.CandidateId], $"{contractId}/{placement.Id}");
        return sroi.ClaimPlacement(contractId, placement.Id);
    }

    private (ContractProgress Progress, IReadOnlyList<string> ShownCandidates) Visible(CallerScope scope, ContractProgress progress)
    {
        var shown = new List<string>();
        var visible = new List<CountedPlacement>();
        var withheld = new List<CountedPlacement>();
        foreach (var line in progress.Placements)
        {
            if (sroi.CandidateOf(line.PlacementId) is { } candidate && scope.SeesCandidate(candidate))
            {
                shown.Add(candidate);
                visible.Add(line);
            }
            else
            {
                withheld.Add(line);
            }
        }
        return (progress with { Placements = visible, Withheld = WithheldPlacements.Of(withheld) }, shown);
    }
}
