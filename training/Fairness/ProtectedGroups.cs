using MatchEngine.Engine.Domain;

namespace MatchEngine.Training.Fairness;

/// <summary>
/// The groups a candidate belongs to for the fairness audit: age band on a given day, gender and migration background.
/// Read here and in the audit only, never near a feature vector.
/// </summary>
public static class ProtectedGroups
{
    /// <summary>The audited attributes, in report order.</summary>
    public static IReadOnlyList<string> Attributes { get; } = ["age_band", "gender", "migration_background"];

    /// <summary>The age bands, youngest first.</summary>
    public static IReadOnlyList<string> AgeBands { get; } = ["<25", "25-35", "35-45", "45-55", "55+"];

    /// <summary>Position of an age band in <see cref="AgeBands"/>; "unknown" and anything else last.</summary>
    public static int Order(string ageBand)
    {
        for (var i = 0; i < AgeBands.Count; i++)
            if (AgeBands[i] == ageBand) return i;
        return int.MaxValue;
    }

    /// <summary>The (attribute, group) pairs of <paramref name="candidate"/> on <paramref name="day"/>; missing values are "unknown".</summary>
    public static IEnumerable<(string Attribute, string Group)> Of(Candidate candidate, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        yield return ("age_band", AgeBand(candidate, day));
        yield return ("gender", candidate.Protected?.Gender ?? "unknown");
        yield return ("migration_background", candidate.Protected?.MigrationBackground ?? "unknown");
    }

    /// <summary>The age band on <paramref name="day"/> from the birth year, or "unknown".</summary>
    public static string AgeBand(Candidate candidate, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return (candidate.BirthYear is { } year ? day.Year - year : (int?)null) switch
        {
            null => "unknown", < 25 => AgeBands[0], < 35 => AgeBands[1], < 45 => AgeBands[2], < 55 => AgeBands[3], _ => AgeBands[4],
        };
    }
}
