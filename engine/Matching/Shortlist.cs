namespace MatchEngine.Engine.Matching;

/// <summary>One shortlisted candidate: pseudonym, model score, Dutch reasons and gaps. Never health or debt details.</summary>
public sealed record ShortlistEntry(string CandidateId, double Score, IReadOnlyList<string> Reasons, IReadOnlyList<string> Gaps);

/// <summary>The candidates for a vacancy, best first, with the model version that ranked them and how many were retrieved.</summary>
public sealed record Shortlist(string VacancyId, string ModelVersion, int Retrieved, IReadOnlyList<ShortlistEntry> Candidates);

/// <summary>Filters of a shortlist request: the regions whose candidates may appear (empty: any), availability, retrieval depth.</summary>
public sealed record ShortlistFilters(IReadOnlyList<string> Regions, DateOnly? AvailableBy = null, int RetrievalDepth = ShortlistFilters.DefaultDepth)
{
    /// <summary>No filters: any region, available by the vacancy's closing date, default depth.</summary>
    public ShortlistFilters()
        : this([])
    {
    }

    /// <summary>Candidates retrieved from the index before reranking.</summary>
    public const int DefaultDepth = 1000;
}

/// <summary>One recommended vacancy for a candidate (the consulent's reciprocal view).</summary>
public sealed record VacancyRecommendation(string VacancyId, string Title, string EmployerName, double Score, IReadOnlyList<string> Reasons, IReadOnlyList<string> Gaps);
