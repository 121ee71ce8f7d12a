using MatchEngine.Engine.Carving;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Index;
using MatchEngine.Engine.Matching;
using MatchEngine.Engine.Store;

namespace MatchEngine.Engine.Sroi;

/// <summary>
/// SROI as a capability for the SROI-makelaar: per contract the obligation, what is realised and whether the
/// rest is at risk (<see cref="Progress"/>); the contractor's open vacancies and carved roles that would fill
/// the gap (<see cref="FindPlacements"/>); the worklist over all contracts (<see cref="Worklist"/>); and explicit
/// claims (<see cref="ClaimPlacement"/>). Each placement counts toward one contract (<see cref="PlacementAttributor"/>).
/// Thread-safe. Reads the store on every call (no cache), so new placements count at once; who holds a job on the data's date,
/// which <see cref="FindPlacements"/> leaves out, comes from <see cref="DataToday"/>.
/// </summary>
public sealed class SroiService(CatalogService catalog, ShortlistService shortlists, CarvingService carving, SroiValuationTable table, ISroiClaims claims, DataToday today)
{
    /// <summary>Most opportunities returned by <see cref="FindPlacements"/>.</summary>
    public const int MaxTop = 50;

    /// <summary>Candidates shown per opportunity.</summary>
    public const int CandidatesPerOpportunity = 3;

    /// <summary>The valuation table in use.</summary>
    public SroiValuationTable Table => table;

    /// <summary>The progress of one contract on <paramref name="asOf"/>. NOT_FOUND for an unknown contract.</summary>
    public ContractProgress Progress(string contractId, DateOnly asOf)
    {
        var contract = Contract(contractId);
        return ProgressOf([contract], asOf)[0];
    }

    /// <summary>Every contract not ended before <paramref name="asOf"/>, most euros at risk first (then most open, then id).</summary>
    public IReadOnlyList<WorklistEntry> Worklist(DateOnly asOf)
    {
        var live = catalog.Store.SroiContracts().Where(c => c.End >= asOf).ToArray();
        return ProgressOf(live, asOf)
            .OrderByDescending(p => p.AtRiskEur).ThenByDescending(p => p.OpenEur).ThenBy(p => p.Contract.Id, StringComparer.Ordinal)
            .Select((p, i) => new WorklistEntry(i + 1, p)).ToArray();
    }

    /// <summary>
    /// The contractor's open vacancies (on <paramref name="asOf"/>) and carved roles, ranked by expected euros, each
    /// with its best candidates from <paramref name="pool"/> who hold no job on <paramref name="asOf"/> (<see cref="CurrentJobs"/>); a null
    /// pool suggests no candidates (then every chance is 0).
    /// Without open vacancies: no opportunities, the gap, and the kinds of jobs that fit.
    /// </summary>
    public PlacementSuggestions FindPlacements(string contractId, DateOnly asOf, int top, ShortlistFilters? pool)
    {
        if (Limit.Between(1, MaxTop).Grouped().Refusal(top) is { } badTop) throw new InvalidRequestException("top", badTop);
        var contract = Contract(contractId);
        var progress = ProgressOf([contract], asOf)[0];
        if (progress.Ended)
            return new PlacementSuggestions(progress, [], [], $"contract {contract.Id} is afgelopen op {Dutch.Date(contract.End)}; er kan geen plaatsing meer voor meetellen");
        var fillFrom = SroiDays.Max(asOf.AddDays(1), contract.Start);
        var days = SroiDays.Between(fillFrom, contract.End);
        var vacancies = catalog.Index.Search(new VacancyQuery { EmployerId = contract.EmployerId, OpenOn = asOf, Top = 1000 })
            .Select(h => catalog.Store.GetVacancy(h.Id)).OfType<Vacancy>().OrderBy(v => v.Id, StringComparer.Ordinal).ToArray();
        if (vacancies.Length == 0)
        {
            var fitting = FittingOccupations(contract.EmployerId);
            return new PlacementSuggestions(progress, [], fitting,
                $"opdrachtnemer {contract.EmployerId} heeft op {Dutch.Date(asOf)} geen openstaande vacatures; "
                + $"nog {Dutch.Euro(progress.OpenEur)} open. Functies die zouden passen: {Dutch.List(fitting)}");
        }
        var opportunities = new List<PlacementOpportunity>();
        // A placement counts for the bijstand block only when the person comes from the bijstand: who holds a job on asOf is left out.
        var free = pool is null ? null : pool with { ExcludeWorking = true };
        var jobs = free is null ? CurrentJobs.None : today.JobsOn(asOf);
        foreach (var v in vacancies)
        {
            var hours = (decimal)(v.HoursMin + v.HoursMax) / 2m;
            var list = free is null ? [] : shortlists.For(v, CandidatesPerOpportunity, free, jobs).Candidates;
            opportunities.Add(Opportunity(OpportunityKind.Vacancy, v.Id, v.Title, v.Isco, fillFrom, SroiValuation.Of(table, SroiBlock.Bijstand, hours, days), list));
        }
        if (vacancies.Any(v => v.Tasks.Count > 0))
        {
            var proposal = carving.CarveEmployer(contract.EmployerId, null, asOf, free is null ? 0 : CandidatesPerOpportunity, free);
            opportunities.AddRange(proposal.Roles.Select((r, i) => Opportunity(OpportunityKind.CarvedRole, $"carved-{contract.EmployerId}-{i + 1}", r.Role.Title,
                RoleTitles.IscoOf(r.Role.Title), fillFrom, SroiValuation.Of(table, SroiBlock.CarvedRole, (decimal)r.Role.HoursPerWeek, days), r.Candidates)));
        }
        var ranked = opportunities.OrderByDescending(o => o.ExpectedEur).ThenBy(o => o.Id, StringComparer.Ordinal).Take(top).ToArray();
        var contractor = catalog.Store.EmployerName(contract.EmployerId);
        return new PlacementSuggestions(progress, ranked, [], $"{Dutch.Count(opportunities.Count, "kans", "kansen")} bij opdrachtnemer {contractor}; nog {Dutch.Euro(progress.OpenEur)} open");
    }

    /// <summary>
    /// Claims a placement for a contract. Accepted when the placement is at the contractor, has at least one day worked
    /// within the contract's period (both ends included; a placement still running works on) and counts toward no
    /// other contract (by vacancy, period or an earlier claim); refused with FAILED_PRECONDITION naming both
    /// contracts otherwise. Idempotent. Claims are kept beside the catalog (<see cref="ISroiClaims"/>).
    /// </summary>
    public ClaimResult ClaimPlacement(string contractId, string placementId)
    {
        var contract = Contract(contractId);
        var placement = catalog.Store.GetPlacement(placementId) ?? throw new RecordNotFoundException(EntityKind.Placement, placementId);
        if (placement.EmployerId != contract.EmployerId)
            throw new PreconditionFailedException($"plaatsing {placementId} is bij werkgever {placement.EmployerId}, niet bij opdrachtnemer {contract.EmployerId} van SROI-contract {contractId}");
        var last = SroiDays.LastDayWorked(placement);
        if (placement.Start > contract.End || last < contract.Start)
            throw new PreconditionFailedException($"plaatsing {placementId} ({Worked(placement.Start, last)}) valt buiten de looptijd van SROI-contract {contractId} "
                + $"({Dutch.Date(contract.Start)} tot en met {Dutch.Date(contract.End)}): er is geen dag in die looptijd gewerkt");
        var attributor = Attributor();
        var current = attributor.Of(placement);
        if (current is not null && current.ContractId != contractId) throw Conflict(placementId, current, contractId);
        if (current is not null) return new ClaimResult(placementId, contractId, current.Rule);
        var holder = claims.TryAdd(placementId, contractId);
        if (holder != contractId) throw Conflict(placementId, new Attribution(placementId, holder, AttributionRule.Claim, []), contractId);
        return new ClaimResult(placementId, contractId, AttributionRule.Claim);
    }

    private static string Worked(DateOnly start, DateOnly? last) =>
        last is { } l ? $"gewerkt van {Dutch.Date(start)} tot en met {Dutch.Date(l)}" : $"gestart op {Dutch.Date(start)}";

    /// <summary>The candidate of a placement, or null for an unknown placement.</summary>
    public string? CandidateOf(string placementId) => catalog.Store.GetPlacement(placementId)?.CandidateId;

    private static PreconditionFailedException Conflict(string placementId, Attribution held, string requested) =>
        new($"plaatsing {placementId} telt al mee voor SROI-contract {held.ContractId} (via {held.Rule.ToString().ToLowerInvariant()}); "
            + $"geweigerd voor SROI-contract {requested}: een plaatsing telt voor één contract mee");

    private PlacementOpportunity Opportunity(OpportunityKind kind, string id, string title, string isco, DateOnly fillFrom, SroiValuation value, IReadOnlyList<ShortlistEntry> candidates)
    {
        var chance = candidates.Count == 0 ? 0 : 1 / (1 + Math.Exp(-candidates[0].Score));
        var shownChance = Math.Round(chance, 4);
        return new PlacementOpportunity(kind, id, title, isco, fillFrom, value, shownChance, SroiRounding.Cents(value.ValueEur * (decimal)shownChance), candidates);
    }

    private IReadOnlyList<string> FittingOccupations(string employerId)
    {
        var past = catalog.Store.Vacancies().Where(v => v.EmployerId == employerId)
            .GroupBy(v => v.Isco).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{IscoTitles.Of(g.Key)} ({g.Key})").Take(5).ToList();
        var employer = catalog.Store.GetEmployer(employerId);
        if (employer is not null)
        {
            var role = RoleTitles.For(employer.Sector, "");
            past.Add($"{role} ({RoleTitles.IscoOf(role)}, gesneden rol)");
        }
        return past;
    }

    private SroiContract Contract(string contractId)
    {
        RequiredId.Of(contractId, "contract_id");
        return catalog.Store.GetSroiContract(contractId) ?? throw new RecordNotFoundException(EntityKind.SroiContract, contractId);
    }

    private PlacementAttributor Attributor() => new(catalog.Store.SroiContracts().ToArray(), catalog.Store.GetVacancy, claims.All());

    private ContractProgress[] ProgressOf(IReadOnlyList<SroiContract> contracts, DateOnly asOf)
    {
        var attributor = Attributor();
        var wanted = contracts.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var employers = contracts.Select(c => c.EmployerId).ToHashSet(StringComparer.Ordinal);
        var byContract = catalog.Store.Placements().Where(p => employers.Contains(p.EmployerId))
            .Select(p => (Placement: p, Attribution: attributor.Of(p)))
            .Where(x => x.Attribution is not null && wanted.Contains(x.Attribution.ContractId))
            .ToLookup(x => x.Attribution!.ContractId, StringComparer.Ordinal);
        return contracts.Select(c => ProgressCalculator.Compute(c, asOf,
            byContract[c.Id].Select(x => (x.Placement, catalog.Store.GetCandidate(x.Placement.CandidateId), x.Attribution!)), table)).ToArray();
    }
}
