using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Index;

/// <summary>
/// A candidate search: free text plus filters that all run inside Lucene. Candidates without consent
/// are never returned, whatever the query.
/// </summary>
public sealed record CandidateQuery
{
    /// <summary>Free text, analyzed like the documents; empty means "all that pass the filters".</summary>
    public string Text { get; init; } = "";

    /// <summary>Only candidates of these arbeidsmarktregio's; empty means any region.</summary>
    public IReadOnlyList<string> Regions { get; init; } = [];

    /// <summary>Only candidates available on or before this day.</summary>
    public DateOnly? AvailableBy { get; init; }

    /// <summary>Only candidates living within <see cref="RadiusKm"/> of this point.</summary>
    public GeoPoint? Near { get; init; }

    /// <summary>Radius around <see cref="Near"/>, km.</summary>
    public double RadiusKm { get; init; } = 25;

    /// <summary>Only candidates whose home is within their own maximum travel distance of this work location.</summary>
    public GeoPoint? WithinOwnReachOf { get; init; }

    /// <summary>Only candidates whose hour range overlaps [HoursMin, HoursMax].</summary>
    public double? HoursMin { get; init; }

    /// <inheritdoc cref="HoursMin"/>
    public double? HoursMax { get; init; }

    /// <summary>Only candidates who can work at least one of these shifts.</summary>
    public IReadOnlyList<Shift> Shifts { get; init; } = [];

    /// <summary>Candidates left out by id, whatever they match (for example those at work); null: none.</summary>
    public IReadOnlySet<string>? LeftOut { get; init; }

    /// <summary>How many hits to return at most.</summary>
    public int Top { get; init; } = 50;

    /// <summary>
    /// The retrieval query for a vacancy: its title, skills, certificates, tasks and occupation as text, ranked by BM25,
    /// with no constraint on distance, hours, shifts or availability. Those are soft: the ranker weighs them as
    /// features and the explanation names them as gaps. A caller who wants them as walls adds them
    /// (<see cref="Near"/>, <see cref="WithinOwnReachOf"/>, <see cref="HoursMin"/>, <see cref="Shifts"/>, <see cref="AvailableBy"/>).
    /// </summary>
    public static CandidateQuery ForVacancy(Vacancy v, int top) => new()
    {
        // Title, skills, certificates and tasks carry the signal; the free description mostly adds terms that
        // cost time on every search (measured in ShortlistBenchmarks).
        Text = string.Join(" ", v.Title, string.Join(" ", v.SkillsRequired), string.Join(" ", v.SkillsPreferred),
            string.Join(" ", v.CertificatesRequired), string.Join(" ", v.Tasks.Select(t => t.Name)), IscoTitles.Of(v.Isco)),
        Top = top,
    };

    /// <summary>
    /// This query with the vacancy's conditions as walls: candidates within their own reach of the work location,
    /// hours overlapping, at least one shift in common, available by <see cref="StartOf"/>.
    /// </summary>
    public CandidateQuery WithVacancyConstraints(Vacancy v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return this with
        {
            WithinOwnReachOf = v.Location, HoursMin = v.HoursMin, HoursMax = v.HoursMax, Shifts = v.Shifts, AvailableBy = StartOf(v),
        };
    }

    /// <summary>
    /// The day a vacancy's work starts, for availability: its closing date, or 3 months after posting when open-ended.
    /// </summary>
    public static DateOnly StartOf(Vacancy v) => v.ClosesAt ?? v.PostedAt.AddMonths(3);
}
