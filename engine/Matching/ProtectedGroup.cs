using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Matching;

/// <summary>
/// The group a candidate belongs to under one protected attribute (age band on a day, gender, migration background), for the
/// fairness audit and for fair re-ranking (<see cref="FairReranking"/>) only: never a feature, never in an answer. Missing values
/// are "unknown". Stateless.
/// </summary>
public static class ProtectedGroup
{
    /// <summary>Age band on the day of the vacancy.</summary>
    public const string AgeBand = "age_band";

    /// <summary>Gender as recorded.</summary>
    public const string Gender = "gender";

    /// <summary>Migration background as recorded (CBS classification).</summary>
    public const string MigrationBackground = "migration_background";

    /// <summary>The attributes, in report order.</summary>
    public static IReadOnlyList<string> Attributes { get; } = [AgeBand, Gender, MigrationBackground];

    /// <summary>The age bands, youngest first.</summary>
    public static IReadOnlyList<string> AgeBands { get; } = ["<25", "25-35", "35-45", "45-55", "55+"];

    /// <summary>The group of <paramref name="candidate"/> under <paramref name="attribute"/> on <paramref name="day"/>; an unknown attribute is an <see cref="ArgumentException"/>.</summary>
    public static string Of(Candidate candidate, string attribute, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return attribute switch
        {
            AgeBand => (candidate.BirthYear is { } year ? day.Year - year : (int?)null) switch
            {
                null => "unknown", < 25 => AgeBands[0], < 35 => AgeBands[1], < 45 => AgeBands[2], < 55 => AgeBands[3], _ => AgeBands[4],
            },
            Gender => candidate.Protected?.Gender ?? "unknown",
            MigrationBackground => candidate.Protected?.MigrationBackground ?? "unknown",
            _ => throw new ArgumentException($"'{attribute}' is not a protected attribute; one of {string.Join(", ", Attributes)}", nameof(attribute)),
        };
    }
}
