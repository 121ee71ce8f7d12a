using MatchEngine.Engine.Domain;
using MatchEngine.Engine.LabelResolution;
using MatchEngine.Engine.Matching;

namespace MatchEngine.Engine.Advice;

/// <summary>
/// The steps a candidate could take: every leerwerk route whose entry requirements (Dutch, education) they meet and that
/// adds something to their record (labels compared as resolved at import, <see cref="ComparedLabels"/>), the cheapest
/// route per effect; and transport support, which adds public transport
/// and widens the travel range by <see cref="ReachFactor"/>.
/// </summary>
public static class AttainableSteps
{
    /// <summary>How much transport support widens a candidate's maximum travel distance.</summary>
    public const double ReachFactor = 1.5;

    /// <summary>The least transport support adds to the travel distance, km.</summary>
    public const double MinReachGainKm = 5;

    /// <summary>The steps open to <paramref name="candidate"/> with the routes of <paramref name="routes"/>.</summary>
    public static IReadOnlyList<AdviceStep> For(Candidate candidate, IEnumerable<LeerwerkRoute> routes)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(routes);
        var steps = new Dictionary<string, AdviceStep>(StringComparer.Ordinal);
        foreach (var route in routes.OrderBy(r => r.CostEur).ThenBy(r => r.Weeks).ThenBy(r => r.Id, StringComparer.Ordinal))
        {
            if (candidate.Dutch < route.RequiresDutchMin || candidate.Education < route.RequiresEducationMin) continue;
            var effect = Effect(candidate, route);
            if (effect is null) continue;
            steps.TryAdd(effect.Value.Key, new AdviceStep(AdviceStepKind.Route, effect.Value.Key,
                $"{effect.Value.What} ({route.Name}, {Dutch.Weeks(route.Weeks)})", route, effect.Value.Changes, c => Apply(c, route)));
        }
        var reach = Math.Max(candidate.MaxDistanceKm * ReachFactor, candidate.MaxDistanceKm + MinReachGainKm);
        var transport = new AdviceStep(AdviceStepKind.Transport, "reach", $"vervoersondersteuning: reizen tot {reach:0} km", null, CandidateAspect.Reach,
            c => c with
            {
                MaxDistanceKm = Math.Max(c.MaxDistanceKm, reach),
                Transport = c.Transport.Contains(Transport.PublicTransport) ? c.Transport : [.. c.Transport, Transport.PublicTransport],
            });
        return [.. steps.Values.OrderBy(s => s.Key, StringComparer.Ordinal), transport];
    }

    /// <summary>The candidate's record after <paramref name="route"/>.</summary>
    public static Candidate Apply(Candidate candidate, LeerwerkRoute route)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(route);
        var skills = New(ComparedLabels.Skills(candidate), route.TeachesSkills);
        var certificates = New(ComparedLabels.Certificates(candidate), route.Certifies);
        return candidate with
        {
            Skills = [.. candidate.Skills, .. skills],
            ResolvedSkills = Resolved(candidate.ResolvedSkills, skills),
            Certificates = [.. candidate.Certificates, .. certificates],
            ResolvedCertificates = Resolved(candidate.ResolvedCertificates, certificates),
            Education = route.RaisesEducationTo is { } e && e > candidate.Education ? e : candidate.Education,
            Dutch = route.RaisesDutchTo is { } d && d > candidate.Dutch ? d : candidate.Dutch,
        };
    }

    /// <summary>The key, Dutch description and changed parts of what <paramref name="route"/> adds, or null when it adds nothing.</summary>
    private static (string Key, string What, CandidateAspect Changes)? Effect(Candidate candidate, LeerwerkRoute route)
    {
        var certificates = New(ComparedLabels.Certificates(candidate), route.Certifies);
        var skills = New(ComparedLabels.Skills(candidate), route.TeachesSkills);
        var education = route.RaisesEducationTo is { } e && e > candidate.Education ? e : (EducationLevel?)null;
        var dutch = route.RaisesDutchTo is { } d && d > candidate.Dutch ? d : (CefrLevel?)null;
        var parts = new List<(string Key, string What)>();
        parts.AddRange(certificates.Select(c => ($"certificate:{Labels.Key(c)}", $"{c} halen")));
        parts.AddRange(skills.Select(s => ($"skill:{Labels.Key(s)}", $"{s} leren")));
        if (education is { } edu) parts.Add(($"education:{edu}", $"opleiding naar {Dutch.Education(edu)}"));
        if (dutch is { } level) parts.Add(($"dutch:{level}", $"Nederlands naar {level}"));
        if (parts.Count == 0) return null;
        var changes = (certificates.Length > 0 ? CandidateAspect.Certificates : 0) | (skills.Length > 0 ? CandidateAspect.Skills : 0)
            | (education is null ? 0 : CandidateAspect.Education) | (dutch is null ? 0 : CandidateAspect.Dutch);
        return (string.Join("+", parts.Select(p => p.Key).Order(StringComparer.Ordinal)), Dutch.List(parts.Select(p => p.What)), changes);
    }

    /// <summary>The labels of <paramref name="adds"/> the candidate does not have yet (compared as the engine compares them: resolved).</summary>
    private static string[] New(IReadOnlyList<string> have, IReadOnlyList<string> adds)
    {
        var keys = have.Select(Labels.Key).ToHashSet(StringComparer.Ordinal);
        return [.. adds.Where(a => keys.Add(Labels.Key(a)))];
    }

    /// <summary>The resolved labels with the route's own (canonical) labels added, so they stay aligned with the typed ones; null stays null.</summary>
    private static IReadOnlyList<ResolvedLabel>? Resolved(IReadOnlyList<ResolvedLabel>? resolved, IReadOnlyList<string> added) =>
        resolved is null ? null : [.. resolved, .. added.Select(a => new ResolvedLabel(a, a, 1))];
}
