using MatchEngine.Engine.Domain;
using MatchEngine.Engine.LabelResolution;

namespace MatchEngine.Engine.Index;

/// <summary>A vacancy search: free text plus filters that run inside Lucene.</summary>
public sealed record VacancyQuery
{
    /// <summary>Free text; empty means "all that pass the filters".</summary>
    public string Text { get; init; } = "";

    /// <summary>Only vacancies within <see cref="RadiusKm"/> of this point.</summary>
    public GeoPoint? Near { get; init; }

    /// <summary>Radius around <see cref="Near"/>, km.</summary>
    public double RadiusKm { get; init; } = 25;

    /// <summary>Only vacancies of this sector.</summary>
    public string? Sector { get; init; }

    /// <summary>Only vacancies of this employer.</summary>
    public string? EmployerId { get; init; }

    /// <summary>Only vacancies open on this day (posted, not yet closed).</summary>
    public DateOnly? OpenOn { get; init; }

    /// <summary>Only vacancies whose hour range overlaps [HoursMin, HoursMax].</summary>
    public double? HoursMin { get; init; }

    /// <inheritdoc cref="HoursMin"/>
    public double? HoursMax { get; init; }

    /// <summary>Only vacancies with at least one of these shifts.</summary>
    public IReadOnlyList<Shift> Shifts { get; init; } = [];

    /// <summary>How many hits to return at most.</summary>
    public int Top { get; init; } = 50;

    /// <summary>
    /// The reciprocal query for a candidate: their skills, experience and wishes, open on <paramref name="day"/>, within twice their own
    /// reach (as the shortlist's structured generator reaches candidates). Hours, shifts and distance beyond their reach are weighed by
    /// the ranker and named as gaps, as on a shortlist, not walls.
    /// </summary>
    public static VacancyQuery ForCandidate(Candidate c, DateOnly day, int top) => new()
    {
        Text = string.Join(" ", string.Join(" ", ComparedLabels.Skills(c)), string.Join(" ", ComparedLabels.Certificates(c)), string.Join(" ", c.Experience.Select(e => IscoTitles.Of(e.Isco))),
            string.Join(" ", c.DesiredIsco.Select(IscoTitles.Of)), string.Join(" ", c.DesiredSectors), c.ProfileText ?? ""),
        Near = c.Location,
        RadiusKm = 2 * c.MaxDistanceKm,
        OpenOn = day,
        Top = top,
    };
}
