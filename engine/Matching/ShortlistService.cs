using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Index;
using MatchEngine.Models.Ranking;
using MatchEngine.Models.Registry;

namespace MatchEngine.Engine.Matching;

/// <summary>
/// Shortlists for accountmanagers and vacancy recommendations for consulenten: retrieve by text relevance plus a structured
/// generator (<see cref="CandidateRetrieval"/>; walls: consent and region always; distance, hours, shifts and availability
/// only when the caller asks through <see cref="ShortlistFilters"/>), featurize every pair with <see cref="PairFeatures"/> (where the soft constraints
/// become features), rank with the promoted model, explain the top. Thread-safe.
/// </summary>
/// <remarks>
/// Shortlists rank the retrieved candidates through <paramref name="cascade"/> (default
/// <see cref="RankingCascade.Default"/>; <see cref="RankingCascade.Exhaustive"/> puts every candidate through every tree).
/// </remarks>
public sealed class ShortlistService(CatalogService catalog, CandidatePool pool, PromotedModel<TrainedRanker> ranker, RankingCascade? cascade = null)
{
    private readonly RankingCascade _cascade = cascade ?? RankingCascade.Default;

    /// <summary>Largest shortlist length served.</summary>
    public const int MaxTop = 200;

    /// <summary>The best <paramref name="top"/> candidates for a vacancy; empty when nobody passes the filters (or nobody's profile matches its text).</summary>
    public Shortlist For(string vacancyId, int top, ShortlistFilters? filters = null, CurrentJobs? jobs = null)
    {
        var vacancy = catalog.Store.GetVacancy(vacancyId) ?? throw new RecordNotFoundException(EntityKind.Vacancy, vacancyId);
        return For(vacancy, top, filters ?? new ShortlistFilters(), jobs);
    }

    /// <summary>
    /// The best candidates for a vacancy given as a record (e.g. a carved role that is not stored). A candidate at work in
    /// <paramref name="jobs"/> (the data's date's, <see cref="DataToday.Jobs"/>; null: nobody) has it as their first gap, and is left
    /// out with <see cref="ShortlistFilters.ExcludeWorking"/>.
    /// </summary>
    public Shortlist For(Vacancy vacancy, int top, ShortlistFilters filters, CurrentJobs? jobs = null)
    {
        if (Limit.Between(1, MaxTop).Grouped().Refusal(top) is { } badTop) throw new InvalidRequestException("top", badTop);
        ArgumentNullException.ThrowIfNull(filters);
        if (Limit.Between(1, 10_000).Grouped().Refusal(filters.RetrievalDepth) is { } badDepth) throw new InvalidRequestException("retrieval_depth", badDepth);
        var vacancyId = vacancy.Id;
        var (model, manifest) = Ranker();
        var prepared = new PreparedVacancy(vacancy, catalog.Store.GetEmployer(vacancy.EmployerId));
        if (filters.ExcludeWorking && jobs is null) throw new ArgumentNullException(nameof(jobs), "ExcludeWorking needs the jobs to leave out");
        jobs ??= CurrentJobs.None;
        var retrieved = CandidateRetrieval.For(catalog, pool, prepared, filters, filters.ExcludeWorking ? jobs.Holders : null);
        if (retrieved.Count == 0) return new Shortlist(vacancyId, manifest.Version, 0, []);
        var features = ReadAhead.Featurize(prepared, retrieved);
        var best = filters.FairExposure is { } fair
            ? FairlyReranked(model, features, retrieved, top, fair, vacancy.PostedAt)
            : Best(model, features, row => retrieved[row].Candidate.Candidate.Id, top, _cascade);
        var contributions = model.Contributions(best.Select(s => features[s.Row]).ToArray());
        var typical = Explainer.Typical(contributions);
        var calibration = ChanceCalibration.Of(manifest);
        var entries = best.Select((s, k) =>
        {
            var candidate = retrieved[s.Row].Candidate;
            var explanation = Explainer.Explain(prepared, candidate, features[s.Row], contributions[k], typical);
            var gaps = jobs.Of(candidate.Candidate.Id) is { } job ? [job.Gap, .. explanation.Gaps] : explanation.Gaps;
            return new ShortlistEntry(candidate.Candidate.Id, Math.Round(s.Score, 4), explanation.Reasons, gaps)
            {
                Chance = calibration is null ? null : Math.Round(calibration.Chance(s.Score), 4),
            };
        }).ToArray();
        return new Shortlist(vacancyId, manifest.Version, retrieved.Count, entries);
    }

    /// <summary>
    /// The best <paramref name="top"/> rows ranked through <paramref name="cascade"/> (which keeps at least
    /// <paramref name="top"/> survivors), best first: by score, then by candidate id.
    /// </summary>
    internal static ScoredRow[] Best(TrainedRanker model, IReadOnlyList<float[]> features, Func<int, string> idOf, int top, RankingCascade cascade)
    {
        var scored = model.ScoreBest(features, cascade with { Survivors = Math.Max(cascade.Survivors, top) });
        // Only rows scoring at least the top-th best score can be among the best (ties at that score included); just those
        // are ordered, by score and then id, instead of keying and sorting every retrieved row.
        var floor = float.NegativeInfinity;
        if (scored.Count > top)
        {
            var highest = new BestOf<float, Higher>(top);
            foreach (var s in scored) highest.Offer(s.Score);
            floor = highest.Sorted()[^1];
        }
        return scored.Where(s => !(s.Score < floor))
            .OrderByDescending(s => s.Score).ThenBy(s => idOf(s.Row), StringComparer.Ordinal).Take(top).ToArray();
    }

    /// <summary>The higher score first.</summary>
    private readonly struct Higher : IBestFirst<float>
    {
        public static bool Better(float x, float than) => x > than;
    }

    /// <summary>
    /// The top <paramref name="top"/> after fair re-ranking (<see cref="FairReranking"/>): every retrieved candidate is scored by the full
    /// model (no cascade: the re-ranking reaches below the cascade's survivors), ordered as <see cref="Best"/> orders, then re-ranked by the
    /// groups of <see cref="FairExposure.Attribute"/>, with each group's target from the qualified candidates of the pool.
    /// </summary>
    private static ScoredRow[] FairlyReranked(TrainedRanker model, float[][] features, IReadOnlyList<RetrievedCandidate> retrieved, int top, FairExposure fair, DateOnly day)
    {
        if (!ProtectedGroup.Attributes.Contains(fair.Attribute))
            throw new InvalidRequestException("fair_exposure_attribute", $"moet {Dutch.List(ProtectedGroup.Attributes, "of")} zijn");
        if (new Limit<double>(0, 1, MinExclusive: true).Refusal(fair.Share) is { } badShare) throw new InvalidRequestException("fair_exposure_share", badShare);
        var scores = model.Score(features);
        var ranked = Enumerable.Range(0, features.Length).OrderByDescending(i => scores[i]).ThenBy(i => retrieved[i].Candidate.Candidate.Id, StringComparer.Ordinal).ToArray();
        var rows = FairReranking.Rerank(ranked, i => ProtectedGroup.Of(retrieved[i].Candidate.Candidate, fair.Attribute, day), i => Qualification.Meets(features[i]), top, fair.Share);
        return [.. rows.Select(i => new ScoredRow(i, scores[i]))];
    }

    /// <summary>
    /// Vacancies open on <paramref name="today"/> with a place free (<see cref="VacancyHires"/>: hired match events and the placements of
    /// <paramref name="placed"/>) for a candidate, best first (the reciprocal view).
    /// </summary>
    public IReadOnlyList<VacancyRecommendation> RecommendVacancies(string candidateId, int top, DateOnly today, VacancyPlacements? placed = null)
    {
        if (Limit.Between(1, MaxTop).Grouped().Refusal(top) is { } badTop) throw new InvalidRequestException("top", badTop);
        var candidate = pool.Get(candidateId) ?? throw new RecordNotFoundException(EntityKind.Candidate, candidateId);
        var (model, _) = Ranker();
        var hits = catalog.Index.Search(VacancyQuery.ForCandidate(candidate.Candidate, today, 500));
        var vacancies = hits.Select(h => (Hit: h, Vacancy: catalog.Store.GetVacancy(h.Id))).Where(x => x.Vacancy is not null)
            .Select(x => (x.Hit, Prepared: new PreparedVacancy(x.Vacancy!, catalog.Store.GetEmployer(x.Vacancy!.EmployerId)))).ToArray();
        if (vacancies.Length == 0) return [];
        var features = vacancies.Select(v => PairFeatures.Featurize(v.Prepared, candidate, v.Hit.Score)).ToArray();
        var scores = model.Score(features);
        var best = Enumerable.Range(0, vacancies.Length).OrderByDescending(i => scores[i])
            .Where(i => !VacancyHires.Filled(catalog.Store, vacancies[i].Prepared.Vacancy, placed)).Take(top).ToArray();
        if (best.Length == 0) return [];
        var contributions = model.Contributions(best.Select(i => features[i]).ToArray());
        return best.Select((i, k) =>
        {
            var v = vacancies[i].Prepared;
            var explanation = Explainer.Explain(v, candidate, features[i], contributions[k]);
            return new VacancyRecommendation(v.Vacancy.Id, v.Vacancy.Title, v.Employer?.Name ?? v.Vacancy.EmployerId, Math.Round(scores[i], 4), explanation.Reasons, explanation.Gaps);
        }).ToArray();
    }

    private (TrainedRanker Model, ModelManifest Manifest) Ranker() => RankerModels.Current(ranker);
}
