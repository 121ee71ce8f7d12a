using System.Text.Json;

namespace MatchEngine.Engine.Contract;

/// <summary>
/// How a contract line or an HTTP request body is parsed, and why the parser refused one: a field it gives twice
/// (<see cref="DuplicateFields"/>, which the parser refuses with <c>AllowDuplicateProperties = false</c>) or no JSON at all.
/// One wording for the import, the console, gRPC and the HTTP API. Stateless and thread-safe.
/// </summary>
public static class UnreadableJson
{
    /// <summary>The parser's options: at most 16 levels deep, and a field given twice refused unless <paramref name="allowDuplicates"/>.</summary>
    public static JsonDocumentOptions Options(bool allowDuplicates = false) => new() { MaxDepth = 16, AllowDuplicateProperties = allowDuplicates };

    /// <summary>
    /// Why the parser refused <paramref name="json"/> with <paramref name="refusal"/>: each field it gives twice when that was
    /// the reason, else that <paramref name="field"/> is no valid JSON ("geen geldige JSON (fout bij teken 8)").
    /// </summary>
    public static IReadOnlyList<FieldViolation> Why(string json, JsonException refusal, string field)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        try
        {
            using var doc = JsonDocument.Parse(json, Options(allowDuplicates: true));
            if (DuplicateFields.Of(doc.RootElement) is { Count: > 0 } duplicates) return duplicates;
        }
        catch (JsonException)
        {
        }
        return [new FieldViolation(field, refusal.BytePositionInLine is { } at ? $"geen geldige JSON (fout bij teken {at + 1})" : "geen geldige JSON")];
    }
}
