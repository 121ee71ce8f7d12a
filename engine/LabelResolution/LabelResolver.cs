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
/// <see cref="Threshold"/>, or within <see cref="Margin"/> of another canonical label's, leaves the label unresolved. A label
/// longer than <see cref="MaxScoredLength"/> is neither scored nor scored against: it resolves only as it is.
/// Results are cached per distinct label; thread-safe.
/// </summary>
public sealed class LabelResolver
{
    /// <summary>The least score that resolves a label.</summary>
    public const double Threshold = 0.78;

    /// <summary>How far the best canonical label must score above the next one: closer than this, the label is ambiguous.</summary>
    public const double Margin = 0.08;

    /// <summary>
    /// The longest label, in characters once trimmed, that is scored or scored against. Scoring compares each word of a typed label
    /// with each word of every catalogue label that shares a first letter, so its cost grows with the product of their lengths: a
    /// few labels of thousands of words keep an import busy for over a minute. A longer label (a sentence rather than the name of a
    /// skill, which the contract does not forbid) resolves only to a catalogue label or synonym spelt the same (as
    /// <see cref="Domain.Labels.Key"/> compares), else stays unresolved and is compared as typed. Four times the longest label of
    /// the repository's own files (51 characters).
    /// </summary>
    public const int MaxScoredLength = 200;

    private const double JoinedConfidence = 0.95;
    private const double UnexplainedWordWeight = 0.3;

    private readonly LabelWords _words;
    private readonly Dictionary<string, string> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _byJoined = new(StringComparer.Ordinal);
    private readonly Entry[] _entries;
    private readonly Dictionary<string, List<int>> _byGram = new(StringComparer.Ordinal);
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
        var entries = labels.Where(Scored).Select(l => new Entry(l, Analysed.Of(l, words))).ToList();
        foreach (var (head, typed) in synonyms)
        {
            var headLabel = _byKey.GetValueOrDefault(Domain.Labels.Key(head));
            if (headLabel is null)
            {
                _byKey[Domain.Labels.Key(head)] = headLabel = head;
                labels.Add(head);
                if (Scored(head)) entries.Add(new Entry(head, Analysed.Of(head, words)));
            }
            _byKey.TryAdd(Domain.Labels.Key(typed), headLabel);
            if (Scored(typed)) entries.Add(new Entry(headLabel, Analysed.Of(typed, words)));
        }
        _entries = entries.Where(e => e.Label.Words.Count > 0).ToArray();
        foreach (var e in _entries)
        {
            // Two canonical labels that read the same once run together make that form ambiguous: null.
            if (_byJoined.TryGetValue(e.Label.Joined, out var other) && other != e.Canonical) _byJoined[e.Label.Joined] = null;
            else _byJoined[e.Label.Joined] = e.Canonical;
        }
        for (var i = 0; i < _entries.Length; i++)
        {
            foreach (var gram in Grams(_entries[i].Label))
            {
                if (!_byGram.TryGetValue(gram, out var list)) _byGram[gram] = list = [];
                if (list.Count == 0 || list[^1] != i) list.Add(i);
            }
        }
        Canonical = labels;
    }

    /// <summary>The canonical labels this resolver maps onto, catalogue first, then synonym heads it lacked.</summary>
    public IReadOnlyList<string> Canonical { get; }

    /// <summary>The canonical label <paramref name="text"/> stands for, or an unresolved label with its best score.</summary>
    public ResolvedLabel Resolve(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var key = Domain.Labels.Key(text);
        if (_byKey.TryGetValue(key, out var exact)) return new ResolvedLabel(text, exact, 1);
        if (key.Length > MaxScoredLength) return new ResolvedLabel(text, null, 0);
        var found = _cache.GetOrAdd(key, Score);
        return found with { Text = text };
    }

    /// <summary>True when <paramref name="label"/> is short enough to be scored (<see cref="MaxScoredLength"/>).</summary>
    private static bool Scored(string label) => Domain.Labels.Key(label).Length <= MaxScoredLength;

    private ResolvedLabel Score(string key)
    {
        var typed = Analysed.Of(key, _words);
        if (typed.Words.Count == 0) return new ResolvedLabel(key, null, 0);
        if (_byJoined.TryGetValue(typed.Joined, out var same) && same is not null) return new ResolvedLabel(key, same, JoinedConfidence);
        var best = new Dictionary<string, double>(StringComparer.Ordinal);
        // Only labels with a word, part or run beginning with the same letter as one typed can score: every similarity
        // above zero asks for the same first letter (see EditDistance.Similarity).
        var near = new SortedSet<int>();
        foreach (var gram in Grams(typed))
            if (_byGram.TryGetValue(gram, out var list)) near.UnionWith(list);
        foreach (var entry in near.Select(i => _entries[i]))
        {
            var score = Math.Max(WordScore(entry.Label, typed), JoinedScore(entry.Label.Joined, typed.Joined));
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
    /// How well the typed words say <paramref name="label"/>: the mean, over the label's words that matter (not fillers),
    /// of the best similarity to a typed unit (a compound word counts as found when all its parts are), times
    /// 1 − <see cref="UnexplainedWordWeight"/> × the share of typed words that matter that the label does not explain.
    /// </summary>
    private static double WordScore(Analysed label, Analysed typed)
    {
        var wanted = label.Meaningful;
        var found = 0.0;
        foreach (var word in wanted) found += Found(word, typed.Units);
        var recall = found / wanted.Count;
        if (recall == 0) return 0;
        var said = typed.Meaningful;
        var explained = said.Count(w => Found(w, label.Units) > 0);
        return recall * (1 - UnexplainedWordWeight * (said.Count - explained) / said.Count);
    }

    private static double Found(Word word, IReadOnlyList<Unit> units)
    {
        var best = BestSimilarity(word.Self, units);
        if (best < 1 && word.CoveredByParts)
        {
            var weakest = word.Parts.Min(p => BestSimilarity(p, units));
            best = Math.Max(best, weakest);
        }
        return best;
    }

    private static double BestSimilarity(Unit unit, IReadOnlyList<Unit> units)
    {
        var best = 0.0;
        foreach (var other in units)
        {
            var s = unit.Similarity(other);
            if (s > best) best = s;
            if (best == 1) break;
        }
        return best;
    }

    /// <summary>The first letters of a label's units and parts (text and stem), as the keys of its entry in the prefilter.</summary>
    private static HashSet<string> Grams(Analysed label)
    {
        var grams = new HashSet<string>(StringComparer.Ordinal);
        foreach (var unit in label.Units.Concat(label.Words.SelectMany(w => w.Parts)))
        {
            if (unit.Text.Length > 0) grams.Add(unit.Text[..1]);
            if (unit.Stem.Length > 0) grams.Add(unit.Stem[..1]);
        }
        return grams;
    }

    private static double JoinedScore(string a, string b) =>
        Math.Min(a.Length, b.Length) < 5 ? (a == b ? 1 : 0) : EditDistance.Similarity(a, b);

    /// <summary>A catalogue label or a synonym, analysed once: <see cref="Canonical"/> is the label it resolves to.</summary>
    private sealed record Entry(string Canonical, Analysed Label);

    /// <summary>A word or a run of words as text and stem; two units are as alike as the more alike of the two.</summary>
    private readonly record struct Unit(string Text, string Stem)
    {
        public double Similarity(Unit other)
        {
            if (Text == other.Text || Stem == other.Stem) return 1;
            var text = EditDistance.Similarity(Text, other.Text);
            return Stem == Text && other.Stem == other.Text ? text : Math.Max(text, EditDistance.Similarity(Stem, other.Stem));
        }
    }

    /// <summary>One analysed word: itself, its compound parts, whether those parts account for all of it, and whether it is a filler.</summary>
    private sealed record Word(Unit Self, Unit[] Parts, bool CoveredByParts, bool IsFiller);

    /// <summary>
    /// A label analysed for scoring: its words; <see cref="Joined"/>, the words that matter run together
    /// ("order-picken" → "orderpicken"); and <see cref="Units"/>, what another label's words are matched against — each
    /// word, its parts, and two or three adjacent words run together.
    /// </summary>
    private sealed record Analysed(IReadOnlyList<Word> Words, IReadOnlyList<Word> Meaningful, string Joined, Unit[] Units)
    {
        public static Analysed Of(string text, LabelWords analysis)
        {
            var words = analysis.Of(text).Select(w =>
            {
                var parts = w.Parts.Select(p => new Unit(p, analysis.Stem(p))).ToArray();
                return new Word(new Unit(w.Text, w.Stem), parts, parts.Length >= 2 && Covers(w.Text, w.Parts), w.IsFiller);
            }).ToArray();
            var meaningful = words.Any(w => !w.IsFiller) ? words.Where(w => !w.IsFiller).ToArray() : words;
            var units = new List<Unit>();
            for (var i = 0; i < words.Length; i++)
            {
                units.Add(words[i].Self);
                units.AddRange(words[i].Parts);
                if (i + 1 < words.Length) units.Add(Run(analysis, words[i], words[i + 1]));
                if (i + 2 < words.Length) units.Add(Run(analysis, words[i], words[i + 1], words[i + 2]));
            }
            return new Analysed(words, meaningful, string.Concat(meaningful.Select(w => w.Self.Text)), units.Distinct().ToArray());
        }

        private static Unit Run(LabelWords analysis, params Word[] words)
        {
            var text = string.Concat(words.Select(w => w.Self.Text));
            return new Unit(text, analysis.Stem(text));
        }

        /// <summary>True when <paramref name="parts"/>, laid end to end, account for every letter of <paramref name="word"/>.</summary>
        private static bool Covers(string word, IReadOnlyList<string> parts)
        {
            var covered = new bool[word.Length];
            foreach (var part in parts)
            {
                for (var at = word.IndexOf(part, StringComparison.Ordinal); at >= 0; at = word.IndexOf(part, at + 1, StringComparison.Ordinal))
                    for (var i = at; i < at + part.Length; i++) covered[i] = true;
            }
            return covered.All(c => c);
        }
    }
}
