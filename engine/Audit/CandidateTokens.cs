using System.Text;

namespace MatchEngine.Engine.Audit;

/// <summary>
/// Candidate ids as the words of the SQLite trail's full-text index of calls by candidate. An id may hold any
/// character, and FTS5's tokenizer would split it at punctuation or spaces and fold its case, so an id is indexed as
/// one word that keeps it exactly: "x" and the hex digits of its UTF-8 bytes ("C-1" is <c>x432D31</c>; the "x"
/// gives the empty id a word too). Hex digits differ from each other under case folding, so two ids share a word
/// only if they are equal.
/// </summary>
internal static class CandidateTokens
{
    /// <summary>The word indexed for <paramref name="candidateId"/>.</summary>
    public static string Of(string candidateId) => "x" + Convert.ToHexString(Encoding.UTF8.GetBytes(candidateId));

    /// <summary>The indexed text of one call: the words of its distinct candidates, space-separated; empty if none.</summary>
    public static string Of(IEnumerable<string?> candidateIds) => string.Join(' ', candidateIds.OfType<string>().Distinct().Select(Of));

    /// <summary>An FTS5 query matching exactly the calls that read <paramref name="candidateId"/>.</summary>
    public static string Query(string candidateId) => "\"" + Of(candidateId) + "\"";
}
