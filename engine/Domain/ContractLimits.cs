namespace MatchEngine.Engine.Domain;

/// <summary>
/// The data contract's rules on numbers, dates and lists (docs/contract/README.md), defined once. The import
/// (<c>ContractValidator</c>) reports a value that breaks one as a violation of the field, and keeps reading;
/// a domain record refuses it when built, with an <see cref="ArgumentException"/> naming the property.
/// </summary>
public static class ContractLimits
{
    /// <summary>
    /// The most characters of a vacancy's description and a candidate's profile text, the only texts the contract bounds (the import
    /// checks it); names, titles, labels and the other texts may have any length.
    /// </summary>
    public const int FreeTextLength = 20_000;

    /// <summary>Latitude of the Netherlands' bounding box, degrees WGS84.</summary>
    public static readonly Limit<double> Latitude = Limit.Between(50.7, 53.7);

    /// <summary>Longitude of the Netherlands' bounding box, degrees WGS84.</summary>
    public static readonly Limit<double> Longitude = Limit.Between(3.3, 7.3);

    /// <summary>Hours per week of a vacancy or a candidate (min and max alike): 1–40.</summary>
    public static readonly Limit<double> WeeklyHours = Limit.Between(1.0, 40.0);

    /// <summary>Hours per week of a task or a placement: above 0.</summary>
    public static readonly Limit<double> PositiveHours = Limit.Above(0.0);

    /// <summary>A task's complexity: 1–5.</summary>
    public static readonly Limit<int> TaskComplexity = Limit.Between(1, 5);

    /// <summary>Positions of a vacancy: at least 1.</summary>
    public static readonly Limit<int> Positions = Limit.AtLeast(1);

    /// <summary>A candidate's maximum travel distance in km: above 0.</summary>
    public static readonly Limit<double> MaxDistanceKm = Limit.Above(0.0);

    /// <summary>Years of experience in one ISCO unit group: 0 or more.</summary>
    public static readonly Limit<double> ExperienceYears = Limit.AtLeast(0.0);

    /// <summary>The earliest birth year; the latest is this year minus <see cref="MinimumAge"/>.</summary>
    public const int EarliestBirthYear = 1940;

    /// <summary>The youngest age a candidate may have, in years.</summary>
    public const int MinimumAge = 15;

    /// <summary>Assessed wage value in percent: 0–100.</summary>
    public static readonly Limit<int> LoonwaardePct = Limit.Between(0, 100);

    /// <summary>Months in the current benefit spell, and earlier exits from the bijstand: 0 or more.</summary>
    public static readonly Limit<int> Count = Limit.AtLeast(0);

    /// <summary>A leerwerk route's length in weeks: at least 1.</summary>
    public static readonly Limit<int> RouteWeeks = Limit.AtLeast(1);

    /// <summary>A leerwerk route's cost in euros: 0 or more.</summary>
    public static readonly Limit<decimal> RouteCostEur = Limit.AtLeast(0m);

    /// <summary>An SROI contract's value in euros: above 0.</summary>
    public static readonly Limit<decimal> ContractValueEur = Limit.Above(0m);

    /// <summary>An SROI contract's obligation in percent of its value: 0–100.</summary>
    public static readonly Limit<decimal> ObligationPct = Limit.Between(0m, 100m);

    /// <summary>The 1-based shortlist position of a match event: 1–10,000.</summary>
    public static readonly Limit<int> ShortlistPosition = Limit.Between(1, 10_000);

    /// <summary>Birth years allowed on <paramref name="today"/>: <see cref="EarliestBirthYear"/> to this year minus <see cref="MinimumAge"/>.</summary>
    public static Limit<int> BirthYear(DateOnly today) => Limit.Between(EarliestBirthYear, today.Year - MinimumAge);

    /// <summary>Why <paramref name="low"/> may not lie above <paramref name="high"/> (field <paramref name="highName"/>); null when it does not.</summary>
    public static string? AboveRefusal(double low, double high, string highName) =>
        low > high ? $"{Dutch.Exact(low)} ligt boven {highName} {Dutch.Exact(high)}" : null;

    /// <summary>Why <paramref name="day"/> may not lie before <paramref name="earliest"/> (field <paramref name="earliestName"/>); null when it does not.</summary>
    public static string? BeforeRefusal(DateOnly? day, DateOnly earliest, string earliestName) =>
        day < earliest ? $"{day:yyyy-MM-dd} ligt vóór {earliestName} {earliest:yyyy-MM-dd}" : null;

    /// <summary>Why <paramref name="day"/> may not lie after <paramref name="latest"/> (named <paramref name="latestName"/>); null when it does not.</summary>
    public static string? AfterRefusal(DateOnly? day, DateOnly latest, string latestName) =>
        day > latest ? $"{day:yyyy-MM-dd} ligt na {latestName} {latest:yyyy-MM-dd}" : null;

    /// <summary>Why a vacancy's tasks do not fit its hours: they add up to more than <paramref name="hoursMax"/>; null when they fit.</summary>
    public static string? TaskHoursRefusal(IEnumerable<double> taskHours, double hoursMax, string hoursMaxName)
    {
        var sum = taskHours.Sum();
        return sum > hoursMax + 1e-9
            ? $"de uren van de taken tellen op tot {Dutch.Exact(sum)}, meer dan {hoursMaxName} {Dutch.Exact(hoursMax)}"
            : null;
    }

    /// <summary>The first task id used twice (task ids are unique within a vacancy); null when they are unique.</summary>
    public static string? FirstDuplicateTaskId(IEnumerable<string> taskIds)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in taskIds)
            if (!seen.Add(id)) return id;
        return null;
    }
}
