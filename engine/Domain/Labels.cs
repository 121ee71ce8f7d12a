namespace MatchEngine.Engine.Domain;

/// <summary>
/// Free labels (skills, certificates, sectors) compare case- and accent-insensitively after trimming,
/// as the contract says: <c>"Heftruck"</c> equals <c>"heftruck "</c>.
/// </summary>
public static class Labels
{
    /// <summary>The comparison key of a label: trimmed, lower case, accents removed ("Café" → "cafe").</summary>
    /// <remarks>
    /// Accents are folded as the index's analyzer folds them (Lucene's ASCII folding, see <see cref="AsciiFolding"/>), not by
    /// Unicode normalisation: the projects run with invariant globalization, where <see cref="string.Normalize()"/> leaves "é"
    /// as it is.
    /// </remarks>
    public static string Key(string label)
    {
        if (IsKey(label)) return label;
        return AsciiFolding.Fold(label.Trim().ToLowerInvariant());
    }

    /// <summary>True when <paramref name="label"/> is its own key: ASCII without capitals and not padded (most labels, and every key).</summary>
    private static bool IsKey(string label)
    {
        if (label.Length == 0 || label[0] == ' ' || label[^1] == ' ') return label.Length == 0;
        foreach (var c in label)
        {
            if (c > '~' || c is >= 'A' and <= 'Z' || char.IsWhiteSpace(c) && c != ' ') return false;
        }
        return true;
    }

    /// <summary>The comparison keys of <paramref name="labels"/> as a set.</summary>
    public static HashSet<string> Keys(IEnumerable<string> labels) => labels.Select(Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>True when both labels name the same thing.</summary>
    public static bool Same(string a, string b) => Key(a) == Key(b);
}
