using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Index;

namespace MatchEngine.Engine.Matching;

/// <summary>
/// One shortlisted candidate: pseudonym, the ranker's raw score, Dutch reasons and gaps. Never health or debt details.
/// <see cref="Score"/> is the ensemble's raw output: it orders a list and means nothing on its own.
/// </summary>
public sealed record ShortlistEntry(string CandidateId, double Score, IReadOnlyList<string> Reasons, IReadOnlyList<string> Gaps)
{
    /// <summary>
    /// The chance (0–1) that the employer invites this candidate when proposed, from the raw score by the calibration
    /// fitted on held-out history when the model was trained (<see cref="ChanceCalibration"/>); null for a model without one.
    /// </summary>
    public double? Chance { get; init; }
}

/// <summary>The candidates for a vacancy, best first, with the model version that ranked them and how many were retrieved.</summary>
public sealed record Shortlist(string VacancyId, string ModelVersion, int Retrieved, IReadOnlyList<ShortlistEntry> Candidates)
{
    /// <summary>What the reader must know about the vacancy before proposing anyone (<see cref="VacancyNotice"/>); null when it is open.</summary>
    public string? Notice { get; init; }
}

/// <summary>
/// Filters of a shortlist request: the regions whose candidates may appear (empty: any), and retrieval depth. Distance,
/// hours, shifts and availability are soft by default (features and named gaps); each becomes a wall only when asked:
/// <see cref="AvailableBy"/>, <see cref="MaxKm"/>, <see cref="StrictHours"/>, <see cref="StrictShifts"/>. Someone at work (<see cref="CurrentJobs"/>) is
/// named as a gap and left out only with <see cref="ExcludeWorking"/>. Consent is always a wall.
/// </summary>
public sealed record ShortlistFilters(IReadOnlyList<string> Regions, DateOnly? AvailableBy = null, int RetrievalDepth = ShortlistFilters.DefaultDepth)
{
    /// <summary>No filters: any region, every constraint soft, default depth.</summary>
    public ShortlistFilters()
        : this([])
    {
    }

    /// <summary>Candidates retrieved from the index before reranking.</summary>
    public const int DefaultDepth = 1000;

    /// <summary>Only candidates living within this many km of the work location (null: any distance).</summary>
    public double? MaxKm { get; init; }

    /// <summary>Only candidates whose hour range overlaps the vacancy's.</summary>
    public bool StrictHours { get; init; }

    /// <summary>Only candidates who can work at least one of the vacancy's shifts.</summary>
    public bool StrictShifts { get; init; }

    /// <summary>Only candidates without an active placement in the jobs the shortlist is given (<see cref="CurrentJobs"/>, the data's date's on every call).</summary>
    public bool ExcludeWorking { get; init; }

    /// <summary>Re-rank the top so that no group of a protected attribute falls below a share of its qualified share (<see cref="FairReranking"/>); null: the model's order.</summary>
    public FairExposure? FairExposure { get; init; }

    /// <summary>The retrieval query for <paramref name="vacancy"/> under these filters.</summary>
    public CandidateQuery QueryFor(Vacancy vacancy)
    {
        ArgumentNullException.ThrowIfNull(vacancy);
        if (MaxKm is { } askedKm && new Limit<double>(0, 1000, MinExclusive: true).Grouped().Refusal(askedKm) is { } badKm) throw new InvalidRequestException("max_km", badKm);
        var query = CandidateQuery.ForVacancy(vacancy, RetrievalDepth) with { Regions = Regions, AvailableBy = AvailableBy };
        if (MaxKm is { } km) query = query with { Near = vacancy.Location, RadiusKm = km };
        if (StrictHours) query = query with { HoursMin = vacancy.HoursMin, HoursMax = vacancy.HoursMax };
        if (StrictShifts) query = query with { Shifts = vacancy.Shifts };
        return query;
    }
}

/// <summary>One recommended vacancy for a candidate (the consulent's reciprocal view).</summary>
public sealed record VacancyRecommendation(string VacancyId, string Title, string EmployerName, double Score, IReadOnlyList<string> Reasons, IReadOnlyList<string> Gaps);

/// <summary>
/// The vacancies recommended to a candidate, best first, and what the reader must know first: that the candidate holds a job on the
/// data's date (<see cref="CurrentJob.Notice"/>); null when they do not.
/// </summary>
public sealed record VacancyRecommendations(IReadOnlyList<VacancyRecommendation> Vacancies, string? Notice);
