using System.Text.Json;
using System.Text.Json.Nodes;
using MatchEngine.Engine.Contract;

namespace MatchEngine.Api.WebConsole;

/// <summary>
/// Reads the JSON body of a call to the HTTP API (<see cref="HttpApi"/>) before JSON transcoding does, and refuses in Dutch,
/// as INVALID_ARGUMENT with a google.rpc.BadRequest naming the field, what transcoding would take wrongly or refuse in
/// English: a field given twice (transcoding keeps the last value, where the contract import refuses the line;
/// <see cref="DuplicateFields"/>) and a body that is not JSON or is empty (a body of length 0 stays an empty request, as
/// transcoding reads it). The body is buffered and handed on unchanged otherwise.
/// </summary>
public sealed class HttpJsonBodies(RequestDelegate next)
{
    /// <summary>The field a violation names when the body as a whole is not JSON.</summary>
    public const string BodyField = "(body)";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.Path.StartsWithSegments("/api/v1") || request.ContentLength == 0)
        {
            await next(context);
            return;
        }
        request.EnableBuffering();
        IReadOnlyList<FieldViolation> refused = [];
        try
        {
            using var doc = await JsonDocument.ParseAsync(request.Body, Options(duplicates: false), context.RequestAborted);
        }
        catch (JsonException e)
        {
            request.Body.Position = 0;
            using var reader = new StreamReader(request.Body, leaveOpen: true);
            var text = await reader.ReadToEndAsync(context.RequestAborted);
            refused = string.IsNullOrWhiteSpace(text) ? [new FieldViolation(BodyField, "is leeg; stuur een JSON-object, {} voor een aanroep zonder velden")] : Why(text, e);
        }
        request.Body.Position = 0;
        if (refused.Count == 0)
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        await context.Response.WriteAsJsonAsync(Answer(refused), context.RequestAborted);
    }

    private static JsonDocumentOptions Options(bool duplicates) => new() { MaxDepth = 64, AllowDuplicateProperties = duplicates };

    /// <summary>The fields given twice when that is why the parser refused the body, else that it is not JSON.</summary>
    private static IReadOnlyList<FieldViolation> Why(string body, JsonException refusal)
    {
        try
        {
            using var doc = JsonDocument.Parse(body, Options(duplicates: true));
            if (DuplicateFields.Of(doc.RootElement) is { Count: > 0 } duplicates) return duplicates;
        }
        catch (JsonException)
        {
        }
        var at = refusal.BytePositionInLine is { } position ? $" (fout bij teken {position + 1})" : "";
        return [new FieldViolation(BodyField, $"is geen geldige JSON{at}")];
    }

    /// <summary>The error JSON transcoding writes for INVALID_ARGUMENT: code, message and the google.rpc.BadRequest detail.</summary>
    private static JsonObject Answer(IReadOnlyList<FieldViolation> violations)
    {
        var fields = new JsonArray([.. violations.Select(v => (JsonNode)new JsonObject { ["field"] = v.Field, ["description"] = v.Reason })]);
        return new JsonObject
        {
            ["code"] = 3,
            ["message"] = $"{violations[0].Field}: {violations[0].Reason}",
            ["details"] = new JsonArray(new JsonObject { ["@type"] = "type.googleapis.com/google.rpc.BadRequest", ["fieldViolations"] = fields }),
        };
    }
}
