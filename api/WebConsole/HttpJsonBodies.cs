using System.Text.Json;
using Google.Protobuf;
using MatchEngine.Api.Grpc;
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
            using var doc = await JsonDocument.ParseAsync(request.Body, UnreadableJson.Options(), context.RequestAborted);
        }
        catch (JsonException e)
        {
            request.Body.Position = 0;
            using var reader = new StreamReader(request.Body, leaveOpen: true);
            var text = await reader.ReadToEndAsync(context.RequestAborted);
            refused = string.IsNullOrWhiteSpace(text) ? [new FieldViolation(BodyField, "is leeg; stuur een JSON-object, {} voor een aanroep zonder velden")] : UnreadableJson.Why(text, e, BodyField);
        }
        request.Body.Position = 0;
        if (refused.Count == 0)
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(Answer(refused), context.RequestAborted);
    }

    /// <summary>INVALID_ARGUMENT with its google.rpc.BadRequest, in the JSON transcoding writes for it.</summary>
    private static string Answer(IReadOnlyList<FieldViolation> violations) =>
        new JsonFormatter(JsonFormatter.Settings.Default.WithTypeRegistry(HttpApi.ErrorDetails)).Format(ErrorMappingInterceptor.BadRequestStatus(
            $"{violations[0].Field}: {violations[0].Reason}", violations.Select(v => (v.Field, v.Reason))));
}
