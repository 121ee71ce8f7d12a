namespace MatchEngine.Engine.LabelResolution;

/// <summary>
/// Optimal-string-alignment distance (Damerau–Levenshtein without repeated edits of one substring): insertions,
/// deletions, substitutions and swaps of two adjacent letters each cost 1, so "nauwkeuirg" is 1 from "nauwkeurig".
/// Stateless and thread-safe.
/// </summary>
public static class EditDistance
{
    /// <summary>The distance between <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static int Between(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Length == 0) return b.Length;
        if (b.Length == 0) return a.Length;
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var d = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d = Math.Min(d, previous2[j - 2] + 1);
                current[j] = d;
            }
            (previous2, previous, current) = (previous, current, previous2);
        }
        return previous[b.Length];
    }

    /// <summary>
    /// How alike two words are, 0–1: 1 when equal; otherwise 1 − distance / longer length when both have at least
    /// <see cref="MinimumFuzzyLength"/> letters and that is at least <see cref="MinimumSimilarity"/>; else 0. Short words
    /// ("b", "c", "95", "pm") match only exactly: one letter makes "rijbewijs B" another certificate than "rijbewijs C".
    /// </summary>
    public static double Similarity(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.Ordinal)) return 1;
        if (Math.Min(a.Length, b.Length) < MinimumFuzzyLength) return 0;
        var longer = Math.Max(a.Length, b.Length);
        if (Math.Abs(a.Length - b.Length) > longer * (1 - MinimumSimilarity)) return 0;
        var similarity = 1 - Between(a, b) / (double)longer;
        return similarity >= MinimumSimilarity ? similarity : 0;
    }

    /// <summary>Words shorter than this match only exactly.</summary>
    public const int MinimumFuzzyLength = 4;

    /// <summary>The least similarity that counts as the same word: one edit in four letters, two in eight.</summary>
    public const double MinimumSimilarity = 0.75;
}
