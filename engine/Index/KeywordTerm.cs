using System.Security.Cryptography;
using System.Text;

namespace MatchEngine.Engine.Index;

/// <summary>
/// A free label (a region, a sector) as the single term of a keyword field. Lucene refuses a whole document when one of
/// its terms takes more than 32,766 bytes of UTF-8, and the data contract does not bound a label's length. A label of at
/// most <see cref="MaxBytes"/> bytes is its own term; a longer one is its first characters up to <see cref="MaxBytes"/>
/// bytes, "#" and the SHA-256 of the whole label in hex. That form is always longer than <see cref="MaxBytes"/> bytes, so
/// it never equals a label kept as itself, and two long labels share it only if they are equal. Index and search map a
/// label the same way, so a filter on a long label finds its records. Stateless and thread-safe.
/// </summary>
internal static class KeywordTerm
{
    /// <summary>The most UTF-8 bytes of a label indexed as itself: far under Lucene's limit, and more than any label of a few words needs.</summary>
    public const int MaxBytes = 1_000;

    /// <summary>The term that stands for <paramref name="label"/> in a keyword field.</summary>
    public static string Of(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (Encoding.UTF8.GetByteCount(label) <= MaxBytes) return label;
        var end = 0;
        var bytes = 0;
        while (end < label.Length)
        {
            var width = char.IsSurrogatePair(label, end) ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(label.AsSpan(end, width));
            if (bytes + size > MaxBytes) break;
            bytes += size;
            end += width;
        }
        return label[..end] + "#" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(label)));
    }
}
