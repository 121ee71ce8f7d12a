using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.LabelResolution;

/// <summary>A label as typed that no canonical label matched, with how many candidates' lists hold it.</summary>
/// <param name="Text">The most frequent spelling of the label (labels equal by <see cref="Domain.Labels.Key"/> count together).</param>
/// <param name="Confidence">The best score the resolver reached for it: close to <see cref="LabelResolver.Threshold"/> means nearly resolved or ambiguous.</param>
public sealed record UnresolvedLabel(LabelKind Kind, string Text, int Count, double Confidence);

/// <summary>
/// What a data steward reads to maintain the synonym file: the candidates' labels that resolved to nothing, most frequent
/// first. Only labels and counts: no candidate ids, no records. Stateless and thread-safe.
/// </summary>
public static class UnresolvedLabels
{
    /// <summary>The unresolved labels of <paramref name="candidates"/>, most frequent first, and how many candidates were never resolved at all.</summary>
    public static (IReadOnlyList<UnresolvedLabel> Labels, int CandidatesNotResolved) Of(IEnumerable<Candidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var found = new List<(LabelKind Kind, ResolvedLabel Label)>();
        var notResolved = 0;
        foreach (var c in candidates)
        {
            if (c.ResolvedSkills is null || c.ResolvedCertificates is null)
            {
                if (c.Skills.Count + c.Certificates.Count > 0) notResolved++;
                continue;
            }
            found.AddRange(c.ResolvedSkills.Where(l => l.Canonical is null).Select(l => (LabelKind.Skill, l)));
            found.AddRange(c.ResolvedCertificates.Where(l => l.Canonical is null).Select(l => (LabelKind.Certificate, l)));
        }
        var labels = found.GroupBy(f => (f.Kind, Key: Domain.Labels.Key(f.Label.Text)))
            .Select(g => new UnresolvedLabel(g.Key.Kind,
                g.GroupBy(f => f.Label.Text.Trim(), StringComparer.Ordinal).OrderByDescending(s => s.Count()).ThenBy(s => s.Key, StringComparer.Ordinal).First().Key,
                g.Count(), g.Max(f => f.Label.Confidence)))
            .OrderByDescending(u => u.Count).ThenBy(u => u.Kind).ThenBy(u => u.Text, StringComparer.Ordinal).ToArray();
        return (labels, notResolved);
    }
}
