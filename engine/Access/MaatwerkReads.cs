using MatchEngine.Engine.Carving;
using MatchEngine.Engine.Leerwerk;
using MatchEngine.Engine.Matching;

namespace MatchEngine.Engine.Access;

/// <summary>
/// Maatwerk through the policy layer: jobcarving (for an employer, a vacancy or one candidate), leerwerk routes and
/// the recruitment drive, each over the candidates the caller may see and audited. Thread-safe.
/// </summary>
public sealed class MaatwerkReads(CarvingService carving, LeerwerkService leerwerk)
{
    /// <summary>Carved roles shown for a candidate when the caller does not say.</summary>
    public const int DefaultRolesForCandidate = 5;

    /// <summary>Candidates shown by a recruitment drive when the caller does not say.</summary>
    public const int DefaultReadyTop = 20;

    /// <summary>The horizon of a recruitment drive when the caller does not say.</summary>
    public const int DefaultReadyMonths = 6;

    /// <summary>
    /// Carves a vacancy (<paramref name="vacancyId"/>) or an employer's open vacancies (<paramref name="employerId"/>),
    /// for one candidate the caller may see, or with each role's best candidates from the caller's regions.
    /// </summary>
    public async Task<CarvingProposal> CarveAsync(CallerScope scope, string? vacancyId, string? employerId, string? candidateId, DateOnly? asOf, int candidatesPerRole)
    {
        if (candidateId is not null) scope.Candidate(candidateId);
        var regions = scope.Regions();
        var perRole = regions.IsEmpty ? 0 : candidatesPerRole;
        var pool = regions.IsEmpty ? new ShortlistFilters() : new ShortlistFilters(regions.AsIndexFilter());
        var proposal = vacancyId is not null
            ? carving.CarveVacancy(vacancyId, candidateId, perRole, pool)
            : carving.CarveEmployer(employerId ?? throw new InvalidRequestException("target", "geef een vacancy_id of een employer_id"), candidateId, asOf, perRole, pool);
        var shown = candidateId is not null ? [candidateId] : proposal.Roles.SelectMany(r => r.Candidates.Select(c => c.CandidateId));
        await scope.RecordAsync(candidateId is not null ? AuditPurposes.CarvingForCandidate : AuditPurposes.CandidatesForCarvedRoles, shown, vacancyId ?? employerId);
        return proposal;
    }

    /// <summary>Roles carved for a candidate the caller may see, at employers within the candidate's reach.</summary>
    public async Task<IReadOnlyList<CarvedRole>> RolesForCandidateAsync(CallerScope scope, string candidateId, int top, DateOnly? asOf)
    {
        scope.Candidate(candidateId);
        var roles = carving.RolesForCandidate(candidateId, top, asOf);
        await scope.RecordAsync(AuditPurposes.CarvedRolesForCandidate, [candidateId]);
        return roles;
    }

    /// <summary>The leerwerk route path closing a visible candidate's gaps toward a vacancy or a sector.</summary>
    public async Task<LeerwerkAdvice> RoutesAsync(CallerScope scope, string candidateId, string? vacancyId, string? sector)
    {
        scope.Candidate(candidateId);
        var advice = leerwerk.Routes(candidateId, vacancyId, sector);
        await scope.RecordAsync(AuditPurposes.LeerwerkRoutes, [candidateId], vacancyId ?? sector);
        return advice;
    }

    /// <summary>Candidates of the caller's regions (narrowed to <paramref name="region"/>) who could be ready for the vacancies within the horizon.</summary>
    public async Task<IReadOnlyList<ReadyCandidate>> ReadyWithinAsync(CallerScope scope, IReadOnlyList<string> vacancyIds, int months, int top, string? region)
    {
        var regions = scope.Regions(region);
        var ready = regions.IsEmpty ? [] : leerwerk.ReadyWithin(vacancyIds, months, top, regions.AsIndexFilter());
        await scope.RecordAsync(AuditPurposes.Readiness, ready.Select(r => r.CandidateId), string.Join(",", vacancyIds));
        return ready;
    }
}
