using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.LabelResolution;

/// <summary>
/// Resolves a candidate's skills and certificates against a <see cref="LabelCatalogue"/>, one <see cref="LabelResolver"/>
/// per kind. Import runs it once per record, so a shortlist reads resolved labels and resolves nothing per query.
/// Thread-safe.
/// </summary>
public sealed class CandidateLabelResolver
{
    private readonly LabelResolver _skills;
    private readonly LabelResolver _certificates;

    /// <summary>Resolvers onto <paramref name="catalogue"/> with the synonyms and word lists of <paramref name="sources"/>.</summary>
    public CandidateLabelResolver(LabelCatalogue catalogue, LabelSources sources)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(sources);
        var all = catalogue.Skills.Concat(catalogue.Certificates).Concat(sources.SynonymsOf(LabelKind.Skill).Select(s => s.Canonical))
            .Concat(sources.SynonymsOf(LabelKind.Certificate).Select(s => s.Canonical));
        var dictionary = sources.Words.Section("woorddelen").Concat(all.SelectMany(DictionaryWords)).Distinct(StringComparer.Ordinal);
        var words = new LabelWords(sources.Words.Section("vulwoorden"), sources.Words.Section("achtervoegsels"), dictionary);
        _skills = new LabelResolver(catalogue.Skills, sources.SynonymsOf(LabelKind.Skill), words);
        _certificates = new LabelResolver(catalogue.Certificates, sources.SynonymsOf(LabelKind.Certificate), words);
    }

    /// <summary>Resolves one label of <paramref name="kind"/>.</summary>
    public ResolvedLabel Resolve(LabelKind kind, string text) => (kind == LabelKind.Skill ? _skills : _certificates).Resolve(text);

    /// <summary><paramref name="candidate"/> with its resolved skills and certificates beside the labels as typed, which stay as they are.</summary>
    public Candidate Resolve(Candidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return candidate with
        {
            ResolvedSkills = candidate.Skills.Select(_skills.Resolve).ToArray(),
            ResolvedCertificates = candidate.Certificates.Select(_certificates.Resolve).ToArray(),
        };
    }

    /// <summary>
    /// Resolves every distinct label of <paramref name="candidates"/> once, on all cores, so that <see cref="Resolve(Candidate)"/>
    /// then finds each in the resolvers' caches.
    /// </summary>
    public void Prepare(IReadOnlyList<Candidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var skills = candidates.SelectMany(c => c.Skills).Distinct(StringComparer.Ordinal).ToArray();
        var certificates = candidates.SelectMany(c => c.Certificates).Distinct(StringComparer.Ordinal).ToArray();
        Parallel.ForEach(skills, s => _skills.Resolve(s));
        Parallel.ForEach(certificates, c => _certificates.Resolve(c));
    }

    /// <summary>The words of a catalogue label, for the decompounding word list.</summary>
    private static IEnumerable<string> DictionaryWords(string label) =>
        Domain.Labels.Key(label).Split([' ', '-', '(', ')', '/', '.', ','], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 3);
}
