namespace MatchEngine.Engine.LabelResolution;

/// <summary>
/// Optimal-string-alignment distance (Damerau–Levenshtein without repeated edits of one substring): insertions,
/// deletions, substitutions and swaps of two adjacent letters each cost 1, so "nauwkeuirg" is 1 from "nauwkeurig".
/// Stateless and thread-safe.
/// </summary>
public static class EditDistance
{
    /// <summary>The distance between <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static int Between(string a, string b) => Within(a, b, int.MaxValue - 1);

    /// <summary>
    /// The distance between <paramref name="a"/> and <paramref name="b"/> when it is at most <paramref name="limit"/>, else
    /// any number above it: a row whose every cell exceeds the limit ends the computation. Allocates nothing for words
    /// under 64 letters.
    /// </summary>
    public static int Within(string a, string b, int limit)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Length == 0) return b.Length;
        if (b.Length == 0) return a.Length;
        if (Math.Abs(a.Length - b.Length) > limit) return limit + 1;
        var width = b.Length + 1;
        Span<int> rows = width * 3 <= 192 ? stackalloc int[width * 3] : new int[width * 3];
        var previous2 = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
        for (var j = 0; j < width; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = i;
            for (var j = 1; j < width; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var d = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d = Math.Min(d, previous2[j - 2] + 1);
                current[j] = d;
                if (d < rowMinimum) rowMinimum = d;
            }
            if (rowMinimum > limit) return limit + 1;
            var spare = previous2;
            previous2 = previous;
            previous = current;
            current = spare;
        }
        return previous[b.Length];
    }

    /// <summary>
    /// How alike two words are, 0–1: 1 when equal; otherwise 1 − distance / longer length when both have at least
    /// <see cref="MinimumFuzzyLength"/> letters, begin with the same letter and that is at least <see cref="MinimumSimilarity"/>;
    /// else 0. Short words ("b", "c", "95", "pm") match only exactly: one letter makes "rijbewijs B" another certificate than
    /// "rijbewijs C". The first letter must agree (as Lucene's fuzzy query's prefix length asks): people rarely mistype it,
    /// and "lassen" is not a typo of "wassen".
    /// </summary>
    public static double Similarity(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.Ordinal)) return 1;
        if (Math.Min(a.Length, b.Length) < MinimumFuzzyLength || a[0] != b[0]) return 0;
        var longer = Math.Max(a.Length, b.Length);
        var limit = (int)Math.Floor(longer * (1 - MinimumSimilarity) + 1e-9);
        var distance = Within(a, b, limit);
        return distance > limit ? 0 : 1 - distance / (double)longer;
    }

    /// <summary>Words shorter than this match only exactly.</summary>
    public const int MinimumFuzzyLength = 4;

    /// <summary>The least similarity that counts as the same word: one edit in four letters, two in eight.</summary>
    public const double MinimumSimilarity = 0.75;
}
