using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Matching;

namespace MatchEngine.Training.Fairness;

/// <summary>
/// The groups a candidate belongs to for the fairness audit (<see cref="ProtectedGroup"/>: age band on a given day, gender and
/// migration background). Read here and in the audit only, never near a feature vector.
/// </summary>
public static class ProtectedGroups
{
    /// <summary>The age band attribute.</summary>
    public const string AgeBand = ProtectedGroup.AgeBand;

    /// <summary>The migration background attribute.</summary>
    public const string MigrationBackground = ProtectedGroup.MigrationBackground;

    /// <summary>The audited attributes, in report order.</summary>
    public static IReadOnlyList<string> Attributes => ProtectedGroup.Attributes;

    /// <summary>Position of an age band in <see cref="ProtectedGroup.AgeBands"/>; "unknown" and anything else last.</summary>
    public static int Order(string ageBand)
    {
        for (var i = 0; i < ProtectedGroup.AgeBands.Count; i++)
            if (ProtectedGroup.AgeBands[i] == ageBand) return i;
        return int.MaxValue;
    }

    /// <summary>The (attribute, group) pairs of <paramref name="candidate"/> on <paramref name="day"/>.</summary>
    public static IEnumerable<(string Attribute, string Group)> Of(Candidate candidate, DateOnly day) =>
        ProtectedGroup.Attributes.Select(a => (a, ProtectedGroup.Of(candidate, a, day)));

    /// <summary>The age band on <paramref name="day"/> from the birth year, or "unknown".</summary>
    public static string AgeBandOn(Candidate candidate, DateOnly day) => ProtectedGroup.Of(candidate, AgeBand, day);
}
