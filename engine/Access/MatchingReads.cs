using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Matching;

namespace MatchEngine.Engine.Access;

/// <summary>
/// Shortlists and vacancy recommendations through the policy layer: the caller's regions bound
/// the pool, consent is enforced by the index, and every answer writes its audit entries before it is returned. A shortlist
/// of a vacancy that is not open on the data's date (<see cref="DataToday"/>), or has hired people (a <c>hired</c> match event or a
/// placement naming it), says so (<see cref="Shortlist.Notice"/>); a candidate at work on that date has it as a gap
/// (<see cref="CurrentJobs"/>).
/// Thread-safe.
/// </summary>
public sealed class MatchingReads(ShortlistService shortlists, SearchAdmission admission, CatalogService catalog, DataToday today)
{
    /// <summary>Candidates on a shortlist when the caller does not say.</summary>
    public const int DefaultShortlistTop = 20;

    /// <summary>Vacancies recommended to a candidate when the caller does not say.</summary>
    public const int DefaultRecommendTop = 10;

    /// <summary>
    /// The best <paramref name="top"/> candidates for a vacancy among those the caller may see, within
    /// <paramref name="region"/> when given (which must be one of the caller's).
    /// </summary>
    public async Task<Shortlist> ShortlistAsync(CallerScope scope, string vacancyId, int top, ShortlistFilters filters, string? region, CancellationToken cancellationToken)
    {
        RequiredId.Of(vacancyId, "vacancy_id");
        var regions = scope.Regions(region);
        var shortlist = regions.IsEmpty
            ? new Shortlist(vacancyId, "", 0, []) { Notice = catalog.Store.GetVacancy(vacancyId) is { } v ? Notice(v) : null }
            : await admission.RunAsync(() =>
            {
                var vacancy = catalog.Store.GetVacancy(vacancyId) ?? throw new RecordNotFoundException(EntityKind.Vacancy, vacancyId);
                return shortlists.For(vacancy, top, filters with { Regions = regions.AsIndexFilter() }, today.Jobs) with { Notice = Notice(vacancy) };
            }, cancellationToken);
        await scope.RecordAsync(AuditPurposes.Shortlist(vacancyId), shortlist.Candidates.Select(c => c.CandidateId), vacancyId);
        return shortlist;
    }

    private string? Notice(Vacancy vacancy) => VacancyNotice.Of(vacancy, today.Date, VacancyHires.Of(catalog.Store, vacancy.Id, today.Placed));

    /// <summary>
    /// Vacancies open on the data's date (<see cref="DataToday"/>) with a place free for a candidate the caller may see, best first,
    /// with a notice when the candidate holds a job on that date.
    /// </summary>
    public async Task<VacancyRecommendations> RecommendAsync(CallerScope scope, string candidateId, int top, CancellationToken cancellationToken)
    {
        scope.Candidate(candidateId);
        var vacancies = await admission.RunAsync(() => shortlists.RecommendVacancies(candidateId, top, today.Date, today.Placed), cancellationToken);
        await scope.RecordAsync(AuditPurposes.VacanciesForCandidate, [candidateId]);
        return new VacancyRecommendations(vacancies, today.Jobs.Of(candidateId)?.Notice);
    }
}
