using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.LabelResolution;

/// <summary>
/// The one place that says which of a candidate's labels are compared with a vacancy's, a route's or a task's: the
/// canonical labels resolved at import (<see cref="Candidate.ResolvedSkills"/>), or the labels as typed for a record
/// imported without resolution. Pair features, gaps, reasons, carving, leerwerk routes and SROI all read labels here.
/// Stateless and thread-safe.
/// </summary>
public static class ComparedLabels
{
    /// <summary>The candidate's skills as compared.</summary>
    /// <remarks>Runs for every candidate when the pool loads, so without LINQ.</remarks>
    public static IReadOnlyList<string> Skills(Candidate candidate) => Compared(candidate.ResolvedSkills, candidate.Skills);

    /// <summary>The candidate's certificates as compared.</summary>
    public static IReadOnlyList<string> Certificates(Candidate candidate) => Compared(candidate.ResolvedCertificates, candidate.Certificates);

    /// <summary>The candidate's labels of <paramref name="kind"/> as compared.</summary>
    public static IReadOnlyList<string> Of(Candidate candidate, LabelKind kind) => kind == LabelKind.Skill ? Skills(candidate) : Certificates(candidate);

    /// <summary>
    /// <paramref name="canonical"/> in the candidate's own words where they typed it otherwise — "'heftruckrijden' (=
    /// heftruck rijden)" — else the label itself.
    /// </summary>
    public static string Quote(Candidate candidate, LabelKind kind, string canonical)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var resolved = kind == LabelKind.Skill ? candidate.ResolvedSkills : candidate.ResolvedCertificates;
        if (resolved is null) return canonical;
        var key = Domain.Labels.Key(canonical);
        foreach (var label in resolved)
        {
            if (label.Canonical is null || Domain.Labels.Key(label.Canonical) != key) continue;
            if (Domain.Labels.Key(label.Text) == key) return canonical;
        }
        foreach (var label in resolved)
        {
            if (label.Canonical is not null && Domain.Labels.Key(label.Canonical) == key) return $"'{label.Text.Trim()}' (= {canonical})";
        }
        return canonical;
    }

    private static IReadOnlyList<string> Compared(IReadOnlyList<ResolvedLabel>? resolved, IReadOnlyList<string> typed)
    {
        if (resolved is null || resolved.Count != typed.Count) return typed;
        var labels = new string[resolved.Count];
        for (var i = 0; i < labels.Length; i++) labels[i] = resolved[i].Compared;
        return labels;
    }
}
