using System.Globalization;
using System.Text.Json;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Matching;

namespace MatchEngine.Engine.Access;

/// <summary>
/// Shortlists, vacancy recommendations and recorded outcomes through the policy layer: the caller's regions bound
/// the pool, consent is enforced by the index, and every answer writes its audit entries before it is returned. A shortlist
/// of a vacancy that is not open on the data's date (<see cref="DataToday"/>), or has hired people (a <c>hired</c> match event or a
/// placement naming it), says so (<see cref="Shortlist.Notice"/>); a candidate at work on that date has it as a gap
/// (<see cref="CurrentJobs"/>).
/// Thread-safe.
/// </summary>
public sealed class MatchingReads(ShortlistService shortlists, SearchAdmission admission, CatalogService catalog, DataToday today, TimeProvider time)
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

    /// <summary>
    /// Records what the caller did with a candidate for a vacancy (<c>voorgesteld</c>, <c>uitgenodigd</c>,
    /// <c>aangenomen</c>, <c>afgewezen</c> as contract stages) as a match event the next training run learns from;
    /// <paramref name="position"/> is the candidate's place on the shortlist the caller saw (null: unknown).
    /// Returns the store revision.
    /// </summary>
    public async Task<long> RecordOutcomeAsync(CallerScope scope, string vacancyId, string candidateId, string stage, int? position)
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
