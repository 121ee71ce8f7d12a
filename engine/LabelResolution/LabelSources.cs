namespace MatchEngine.Engine.LabelResolution;

/// <summary>
/// The maintained files label resolution reads: the canonical vocabulary, the synonyms and the word lists (see
/// docs/labels.md). <see cref="Bundled"/> is the repository's <c>engine/LabelResolution/Data</c>; a test or a tool may pass its
/// own. Immutable.
/// </summary>
public sealed record LabelSources(LabelFile Vocabulary, LabelFile Synonyms, LabelFile Words)
{
    private static readonly Lazy<LabelSources> Repository = new(() =>
        new LabelSources(LabelFile.Bundled("vocabulary.txt"), LabelFile.Bundled("synonyms.txt"), LabelFile.Bundled("words.txt")));

    /// <summary>The files of the repository, compiled into the engine.</summary>
    public static LabelSources Bundled => Repository.Value;

    /// <summary>The synonyms of <paramref name="kind"/> as (canonical label, typed form) pairs, from lines "canonical = typed, typed".</summary>
    public IEnumerable<(string Canonical, string Typed)> SynonymsOf(LabelKind kind)
    {
        foreach (var line in Synonyms.Section(LabelFile.SectionOf(kind)))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0) throw new FormatException($"synonym line '{line}' has no 'canonical = typed, …'");
            var head = line[..equals].Trim();
            foreach (var typed in line[(equals + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                yield return (head, typed);
        }
    }
}
