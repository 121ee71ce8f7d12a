using System.Globalization;
using System.Text;

namespace MatchEngine.Engine.Domain;

/// <summary>
/// Free labels (skills, certificates, sectors) compare case- and accent-insensitively after trimming,
/// as the contract says: <c>"Heftruck"</c> equals <c>"heftruck "</c>.
/// </summary>
public static class Labels
{
    /// <summary>The comparison key of a label: trimmed, lower case, accents removed.</summary>
    public static string Key(string label)
    {
        if (IsKey(label)) return label;
        var decomposed = label.Trim().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
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
