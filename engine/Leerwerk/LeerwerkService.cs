using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Index;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Herinstroom;
using MatchEngine.Models.Registry;

namespace MatchEngine.Engine.Leerwerk;

/// <summary>
/// A leerwerk route for a candidate toward a vacancy (or a sector): the gaps, the path that closes them, and
/// the learned probability that the candidate completes the path's main route and still works a year later
/// (null when the path is empty or no route-success model has been trained).
/// </summary>
public sealed record LeerwerkAdvice(string CandidateId, string? VacancyId, string? Sector, IReadOnlyList<Gap> Gaps, LeerwerkPath Path, double? SuccessProbability);

/// <summary>
/// A candidate who could be ready for a vacancy within the horizon, by which path, and how likely it succeeds; <see cref="Job"/> is a
/// job they hold on the data's date (<see cref="CurrentJobs"/>), null when none.
/// </summary>
public sealed record ReadyCandidate(string CandidateId, string VacancyId, LeerwerkPath Path, float Relevance, double? SuccessProbability)
{
    public CurrentJob? Job { get; init; }
}

/// <summary>
/// Leerwerkarrangementen as a capability: the route path that closes a candidate's gaps for a vacancy
/// or a sector, and the recruitment-drive question "who could be ready for these jobs within N months,
/// and by which route?". Thread-safe.
/// </summary>
public sealed class LeerwerkService(CatalogService catalog, CandidatePool pool, PromotedModel<HorizonClassifier> successModel, DataToday today)
{
    private const double WeeksPerMonth = 4.345;

    /// <summary>The most candidates <see cref="ReadyWithin"/> returns.</summary>
    public const int MaxReadyTop = 1000;

    /// <summary>The most vacancies one <see cref="ReadyWithin"/> asks about.</summary>
    public const int MaxReadyVacancies = 100;

    /// <summary>Routes for <paramref name="candidateId"/> toward a vacancy, or toward a sector (the gaps then come from that sector's open vacancies' most common requirements).</summary>
    public LeerwerkAdvice Routes(string candidateId, string? vacancyId, string? sector)
    {
        var candidate = Candidate(candidateId);
        var planner = new RoutePlanner(catalog.Store.Routes().ToArray());
        if (vacancyId is not null)
        {
            var vacancy = catalog.Store.GetVacancy(vacancyId) ?? throw new RecordNotFoundException(EntityKind.Vacancy, vacancyId);
            var gaps = Gap.Between(candidate, vacancy);
            var path = planner.Plan(candidate, gaps, vacancy.Sector, vacancy.OffersLeerwerk);
            return new LeerwerkAdvice(candidateId, vacancyId, vacancy.Sector, gaps, path, SuccessProbability(candidate, path));
        }
        if (string.IsNullOrWhiteSpace(sector)) throw new InvalidRequestException("vacancy_id", "geef een vacature of een sector");
        var open = catalog.Index.Search(new VacancyQuery { Sector = sector, OpenOn = today.Date, Near = candidate.Location, RadiusKm = candidate.MaxDistanceKm, Top = 200 })
            .Select(h => catalog.Store.GetVacancy(h.Id)!).ToArray();
        if (open.Length == 0) throw new PreconditionFailedException(
            $"geen open vacatures in sector {ClientValue.Quote(sector)} binnen {Dutch.Number(Math.Round(candidate.MaxDistanceKm))} km van de kandidaat");
        // The sector's typical job: the requirements most open vacancies ask.
        var typical = open.GroupBy(v => v.Isco).OrderByDescending(g => g.Count()).First().First();
        var sectorGaps = Gap.Between(candidate, typical);
        var sectorPath = planner.Plan(candidate, sectorGaps, sector, open.Any(v => v.OffersLeerwerk));
        return new LeerwerkAdvice(candidateId, null, sector, sectorGaps, sectorPath, SuccessProbability(candidate, sectorPath));
    }

    /// <summary>The longest horizon <see cref="ReadyWithin"/> takes, in months.</summary>
    public const int MaxReadyMonths = 36;

    /// <summary>
    /// Candidates who could be ready for one of <paramref name="vacancyIds"/> within <paramref name="months"/>:
    /// every gap closed by a route path that fits in the time, ranked by weeks needed, then cost, then text relevance. Someone
    /// who holds a job stays in the list with it (<see cref="ReadyCandidate.Job"/>).
    /// </summary>
    public IReadOnlyList<ReadyCandidate> ReadyWithin(IReadOnlyList<string> vacancyIds, int months, int top, IReadOnlyList<string>? regions = null)
    {
        if (vacancyIds.Count is 0 or > MaxReadyVacancies) throw new InvalidRequestException("vacancy_ids", $"geef 1–{MaxReadyVacancies} vacatures");
        if (Limit.Between(1, MaxReadyMonths).Refusal(months) is { } badMonths) throw new InvalidRequestException("months", badMonths);
        if (Limit.Between(1, MaxReadyTop).Grouped().Refusal(top) is { } badTop) throw new InvalidRequestException("top", badTop);
        var planner = new RoutePlanner(catalog.Store.Routes().ToArray());
        var horizonWeeks = months * WeeksPerMonth;
        var jobs = today.Jobs;
        var best = new Dictionary<string, ReadyCandidate>(StringComparer.Ordinal);
        foreach (var id in vacancyIds)
        {
            var vacancy = catalog.Store.GetVacancy(id) ?? throw new RecordNotFoundException(EntityKind.Vacancy, id);
            var query = CandidateQuery.ForVacancy(vacancy, 300).WithVacancyConstraints(vacancy) with { AvailableBy = today.Date.AddDays((int)(horizonWeeks * 7)), Regions = regions ?? [] };
            var hits = catalog.Index.Search(query);
            // The in-memory pool, not the store: a drive checks hundreds of candidates per vacancy.
            var prepared = pool.Resolve(hits);
            for (var h = 0; h < hits.Count; h++)
            {
                var hit = hits[h];
                if (prepared[h]?.Candidate is not { } candidate) continue;
                var path = planner.Plan(candidate, vacancy);
                if (!path.ClosesAll || path.TotalWeeks > horizonWeeks) continue;
                var ready = new ReadyCandidate(candidate.Id, vacancy.Id, path, hit.Score, SuccessProbability(candidate, path)) { Job = jobs.Of(candidate.Id) };
                if (!best.TryGetValue(candidate.Id, out var known) || Rank(ready).CompareTo(Rank(known)) < 0) best[candidate.Id] = ready;
            }
        }
        return best.Values.OrderBy(Rank).ThenBy(r => r.CandidateId, StringComparer.Ordinal).Take(top).ToArray();

        static (int, decimal, float) Rank(ReadyCandidate r) => (r.Path.TotalWeeks, r.Path.TotalCostEur, -r.Relevance);
    }

    /// <summary>
    /// The probability of success of the path's main route (the longest one on the job, else the longest),
    /// with a jobcoach when the candidate needs one; null for an empty path or without a trained model.
    /// </summary>
    public double? SuccessProbability(Candidate candidate, LeerwerkPath path)
    {
        if (path.Steps.Count == 0 || successModel.Current is not { } model) return null;
        var main = path.Steps.OrderByDescending(s => s.WithWorkPlacement).ThenByDescending(s => s.Weeks).First();
        return Math.Round(model.Model.Predict([RouteSuccessFeatures.Of(candidate, main, candidate.NeedsJobcoach)])[0], 3);
    }

    private Candidate Candidate(string id)
    {
        var candidate = catalog.Store.GetCandidate(id);
        return candidate is { ConsentMatching: true } ? candidate : throw new RecordNotFoundException(EntityKind.Candidate, id);
    }
}
