using MatchEngine.Engine;
using MatchEngine.Engine.Contract;
using MatchEngine.Models.Registry;

namespace MatchEngine.Api.WebConsole;

/// <summary>
/// A failure as the console shows it: one readable Dutch sentence and the HTTP status, never a stack trace. The same
/// exceptions gRPC maps to status codes (<see cref="Grpc.ErrorMappingInterceptor"/>).
/// </summary>
public static class ConsoleErrors
{
    /// <summary>
    /// The sentence and status for <paramref name="e"/>; null when it is not a failure the user can act on. The engine's
    /// messages are Dutch and say what is wrong and how to fix it, so the sentence carries them; a record that is not found
    /// reads the same whether it does not exist or the user may not see it (privacy).
    /// </summary>
    public static (string Sentence, int Status)? Known(Exception e, IReadOnlyDictionary<string, string>? labels = null) => e switch
    {
        RecordNotFoundException n => ($"{Capitalised(n.Kind.DutchName())} {n.Id} bestaat niet, of u mag deze niet inzien.", StatusCodes.Status404NotFound),
        AccessDeniedException d => (Sentence($"U heeft hier geen toegang toe: {d.Message}"), StatusCodes.Status403Forbidden),
        AdminOnlyException a => (Sentence(Capitalised(a.Message)), StatusCodes.Status403Forbidden),
        InvalidRequestException i => (Sentence($"De invoer bij '{Label(i.Field, labels)}' klopt niet: {i.Reason}"), StatusCodes.Status400BadRequest),
        ContractViolationException v => (Sentence($"De gegevens voldoen niet aan het contract: {string.Join("; ", v.Violations.Select(x => $"{Label(x.Field, labels)}: {x.Reason}"))}"),
            StatusCodes.Status400BadRequest),
        ModelVersionNotFoundException m => (Sentence(Capitalised(m.Message)), StatusCodes.Status404NotFound),
        FairnessGateException f => (Sentence($"Geweigerd door de eerlijkheidstoets: {f.Message}"), StatusCodes.Status409Conflict),
        PreconditionFailedException p => (Sentence($"Dit kan nu niet: {p.Message}"), StatusCodes.Status409Conflict),
        _ => null,
    };

    /// <summary>The sentence for a failure the user cannot act on; the details go to the server log only.</summary>
    public const string Unexpected = "Er ging iets mis bij het ophalen van deze pagina; probeer het later opnieuw.";

    /// <summary>The page's label of <paramref name="field"/>, or the field itself when the page names none.</summary>
    private static string Label(string field, IReadOnlyDictionary<string, string>? labels) => labels?.GetValueOrDefault(field) ?? field;

    /// <summary><paramref name="text"/> as one line ending in a full stop.</summary>
    private static string Sentence(string text)
    {
        var line = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).TrimEnd();
        return line.EndsWith('.') || line.EndsWith('?') || line.EndsWith('!') ? line : line + ".";
    }

    private static string Capitalised(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
}
