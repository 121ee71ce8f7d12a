using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Sroi;

/// <summary>
/// Decides, for every placement, the one contract it counts toward (exclusive). A placement counts only at
/// the contractor (<c>placement.employer_id == contract.employer_id</c>) and only when a day was worked (one that
/// ended or was followed by herinstroom on the day it started counts toward none); then, in order: an explicit claim;
/// the contract its vacancy names (when that contract belongs to the same contractor); else the contractor's
/// contract active on the placement's start with the earliest end (ties by id). <paramref name="claims"/> are the
/// claims as of the attributor's creation (<see cref="ISroiClaims.All"/>). Immutable.
/// </summary>
public sealed class PlacementAttributor(IReadOnlyList<SroiContract> contracts, Func<string, Vacancy?> vacancy, IReadOnlyDictionary<string, string> claims)
{
    private readonly ILookup<string, SroiContract> _byEmployer = contracts.ToLookup(c => c.EmployerId, StringComparer.Ordinal);
    private readonly Dictionary<string, SroiContract> _byId = contracts.ToDictionary(c => c.Id, StringComparer.Ordinal);

    /// <summary>The contract the placement counts toward by the rules alone (ignoring claims), or null.</summary>
    public Attribution? ByRule(Placement placement)
    {
        ArgumentNullException.ThrowIfNull(placement);
        var own = _byEmployer[placement.EmployerId];
        if (!own.Any() || SroiDays.LastDayWorked(placement) < placement.Start) return null;
        var active = own.Where(c => c.Start <= placement.Start && placement.Start <= c.End).OrderBy(c => c.End).ThenBy(c => c.Id, StringComparer.Ordinal).ToArray();
        if (placement.VacancyId is { } vid && vacancy(vid)?.SroiContractId is { } named && _byId.TryGetValue(named, out var linked) && linked.EmployerId == placement.EmployerId)
            return new Attribution(placement.Id, linked.Id, AttributionRule.Vacancy, active.Where(c => c.Id != linked.Id).Select(c => c.Id).ToArray());
        if (active.Length == 0) return null;
        return new Attribution(placement.Id, active[0].Id, AttributionRule.Period, active.Skip(1).Select(c => c.Id).ToArray());
    }

    /// <summary>The contract the placement counts toward: an explicit claim first, else <see cref="ByRule"/>.</summary>
    public Attribution? Of(Placement placement)
    {
        ArgumentNullException.ThrowIfNull(placement);
        var rule = ByRule(placement);
        if (claims.GetValueOrDefault(placement.Id) is { } claimed && _byId.ContainsKey(claimed))
            return new Attribution(placement.Id, claimed, AttributionRule.Claim, rule is null ? [] : [.. new[] { rule.ContractId }.Concat(rule.AlsoEligible).Where(c => c != claimed)]);
        return rule;
    }
}
