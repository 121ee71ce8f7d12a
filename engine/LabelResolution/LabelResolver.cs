using System.Collections.Concurrent;
using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.LabelResolution;

/// <summary>
/// Maps a free-text skill or certificate of one <see cref="LabelKind"/> to a canonical label of the catalogue, with a
/// confidence. In order: the catalogue's own spelling or a synonym's (compared as <see cref="Domain.Labels.Key"/> does),
/// confidence 1; the same words once fillers, spaces and hyphens are gone ("Ervaring met order-picken"), 0.95; else the
/// best-scoring catalogue label or synonym, scored on words (each of its words found among the typed words, their
/// compound parts or two or three typed words run together, typos allowed by <see cref="EditDistance.Similarity"/>, the
/// typed words it does not explain weighing less) and on the whole label run together. A score below
/// <see cref="Threshold"/>, or within <see cref="Margin"/> of another canonical label's, leaves the label unresolved.
/// Results are cached per distinct label; thread-safe.
/// </summary>
public sealed class LabelResolver
{
    /// <summary>The least score that resolves a label.</summary>
    public const double Threshold = 0.78;

    /// <summary>How far the best canonical label must score above the next one: closer than this, the label is ambiguous.</summary>
    public const double Margin = 0.08;

    private const double JoinedConfidence = 0.95;
    private const double UnexplainedWordWeight = 0.3;

    private readonly LabelWords _words;
    private readonly Dictionary<string, string> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _byJoined = new(StringComparer.Ordinal);
    private readonly Entry[] _entries;
    private readonly ConcurrentDictionary<string, ResolvedLabel> _cache = new(StringComparer.Ordinal);

    /// <summary>
    /// A resolver onto <paramref name="canonical"/> (the catalogue's labels of one kind) and the heads of
    /// <paramref name="synonyms"/> (canonical label, typed form), analysing with <paramref name="words"/>.
    /// </summary>
    public LabelResolver(IEnumerable<string> canonical, IEnumerable<(string Canonical, string Typed)> synonyms, LabelWords words)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        ArgumentNullException.ThrowIfNull(synonyms);
        _words = words;
        var labels = new List<string>();
        foreach (var label in canonical.Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            if (_byKey.TryAdd(Domain.Labels.Key(label), label)) labels.Add(label);
        }
        var entries = labels.Select(l => Entry.Of(l, l, words)).ToList();
        foreach (var (head, typed) in synonyms)
        {
            var headLabel = _byKey.GetValueOrDefault(Domain.Labels.Key(head));
            if (headLabel is null)
            {
                _byKey[Domain.Labels.Key(head)] = headLabel = head;
                labels.Add(head);
                entries.Add(Entry.Of(head, head, words));
            }
            _byKey.TryAdd(Domain.Labels.Key(typed), headLabel);
            entries.Add(Entry.Of(typed, headLabel, words));
        }
        _entries = entries.Where(e => e.Words.Count > 0).ToArray();
        foreach (var e in _entries)
        {
            // Two canonical labels that read the same once run together make that form ambiguous: null.
            if (_byJoined.TryGetValue(e.Joined, out var other) && other != e.Canonical) _byJoined[e.Joined] = null;
            else _byJoined[e.Joined] = e.Canonical;
        }
        Canonical = labels;
    }

    /// <summary>The canonical labels this resolver maps onto, catalogue first, then synonym heads it lacked.</summary>
    public IReadOnlyList<string> Canonical { get; }

    /// <summary>The canonical label <paramref name="text"/> stands for, or an unresolved label with its best score.</summary>
    public ResolvedLabel Resolve(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_byKey.TryGetValue(Domain.Labels.Key(text), out var exact)) return new ResolvedLabel(text, exact, 1);
        var found = _cache.GetOrAdd(Domain.Labels.Key(text), Score);
        return found with { Text = text };
    }

    private ResolvedLabel Score(string key)
    {
        var typed = _words.Of(key);
        if (typed.Count == 0) return new ResolvedLabel(key, null, 0);
        var joined = string.Concat(typed.Select(w => w.Text));
        if (_byJoined.TryGetValue(joined, out var same) && same is not null) return new ResolvedLabel(key, same, JoinedConfidence);
        var units = UnitsOf(typed);
        var best = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var entry in _entries)
        {
            var score = Math.Max(WordScore(entry, typed, units), JoinedScore(entry.Joined, joined));
            if (score > best.GetValueOrDefault(entry.Canonical)) best[entry.Canonical] = score;
        }
        var ranked = best.OrderByDescending(b => b.Value).ThenBy(b => b.Key, StringComparer.Ordinal).Take(2).ToArray();
        if (ranked.Length == 0) return new ResolvedLabel(key, null, 0);
        var (label, top) = ranked[0];
        var next = ranked.Length > 1 ? ranked[1].Value : 0;
        var confidence = Math.Round(Math.Min(top, JoinedConfidence), 3);
        return top >= Threshold && top - next >= Margin ? new ResolvedLabel(key, label, confidence) : new ResolvedLabel(key, null, confidence);
    }

    /// <summary>
    /// How well the typed words say <paramref name="entry"/>: the mean, over the entry's words, of the best similarity to a
    /// typed unit (a compound word counts as found when all its parts are), times 1 − <see cref="UnexplainedWordWeight"/>
    /// × the share of typed words the entry does not explain.
    /// </summary>
    private static double WordScore(Entry entry, IReadOnlyList<LabelWord> typed, IReadOnlyList<string> typedUnits)
    {
        var found = 0.0;
        foreach (var word in entry.Words) found += Found(word, typedUnits);
        var recall = found / entry.Words.Count;
        if (recall == 0) return 0;
        var explained = typed.Count(w => Found(w, entry.Units) > 0);
        return recall * (1 - UnexplainedWordWeight * (typed.Count - explained) / typed.Count);
    }

    private static double Found(LabelWord word, IReadOnlyList<string> units)
    {
        var best = BestSimilarity(word.Text, units);
        if (best < 1 && word.Parts.Count >= 2)
        {
            var weakest = word.Parts.Min(p => BestSimilarity(p, units));
            if (weakest > 0 && CoversWord(word)) best = Math.Max(best, weakest);
        }
        return best;
    }

    /// <summary>True when the word's parts, laid end to end, account for every letter of it (not just a fragment of it).</summary>
    private static bool CoversWord(LabelWord word)
    {
        var covered = new bool[word.Text.Length];
        foreach (var part in word.Parts)
        {
            for (var at = word.Text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = word.Text.IndexOf(part, at + 1, StringComparison.Ordinal))
                for (var i = at; i < at + part.Length; i++) covered[i] = true;
        }
        return covered.All(c => c);
    }

    private static double BestSimilarity(string word, IReadOnlyList<string> units)
    {
        var best = 0.0;
        foreach (var unit in units)
        {
            var s = EditDistance.Similarity(word, unit);
            if (s > best) best = s;
            if (best == 1) break;
        }
        return best;
    }

    private static double JoinedScore(string a, string b) =>
        Math.Min(a.Length, b.Length) < 5 ? (a == b ? 1 : 0) : EditDistance.Similarity(a, b);

    /// <summary>What a label's words can be matched against: each word, its compound parts, and two or three adjacent words run together.</summary>
    private static string[] UnitsOf(IReadOnlyList<LabelWord> words)
    {
        var units = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            units.Add(words[i].Text);
            units.AddRange(words[i].Parts);
            if (i + 1 < words.Count) units.Add(words[i].Text + words[i + 1].Text);
            if (i + 2 < words.Count) units.Add(words[i].Text + words[i + 1].Text + words[i + 2].Text);
        }
        return units.Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>A catalogue label or a synonym, analysed once: <see cref="Canonical"/> is the label it resolves to.</summary>
    private sealed record Entry(string Canonical, IReadOnlyList<LabelWord> Words, string Joined, IReadOnlyList<string> Units)
    {
        public static Entry Of(string text, string canonical, LabelWords analysis)
        {
            var words = analysis.Of(text);
            return new Entry(canonical, words, string.Concat(words.Select(w => w.Text)), UnitsOf(words));
        }
    }
}
