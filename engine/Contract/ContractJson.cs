using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MatchEngine.Engine.Contract;

/// <summary>
/// The one JSON spelling of the data contract (snake_case fields, contract words for enums, nulls
/// omitted). Used to write contract lines, and as the stored form of every record.
/// </summary>
public static class ContractJson
{
    /// <summary>Serializer options for contract records. Thread-safe once built.</summary>
    public static JsonSerializerOptions Options { get; } = Build();

    /// <summary>One record as one contract line (no trailing newline).</summary>
    public static string Serialize<T>(T record) => JsonSerializer.Serialize(record, Options);

    /// <summary>A record from its stored form, written by <see cref="Serialize{T}"/>; no validation.</summary>
    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new JsonException($"stored {typeof(T).Name} is null");

    /// <summary>A record from its stored form in UTF-8 (no transcoding from a string); no validation.</summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json) => JsonSerializer.Deserialize<T>(utf8Json, Options)
        ?? throw new JsonException($"stored {typeof(T).Name} is null");

    private static JsonSerializerOptions Build()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            IgnoreReadOnlyProperties = true,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
