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
    /// <summary>The sentence and status for <paramref name="e"/>; null when it is not a failure the user can act on.</summary>
    public static (string Sentence, int Status)? Known(Exception e) => e switch
    {
        RecordNotFoundException n => ($"{KindWord(n.Kind)} {n.Id} bestaat niet, of u mag deze niet inzien.", StatusCodes.Status404NotFound),
        AccessDeniedException or AdminOnlyException => ("U heeft geen toegang tot deze gegevens met uw rol of regio.", StatusCodes.Status403Forbidden),
        InvalidRequestException i => ($"De invoer bij '{i.Field}' klopt niet; pas deze aan en probeer het opnieuw.", StatusCodes.Status400BadRequest),
        ContractViolationException v => ($"De gegevens voldoen niet aan het contract bij {string.Join(", ", v.Violations.Select(x => x.Field).Distinct())}.", StatusCodes.Status400BadRequest),
        ModelVersionNotFoundException => ("Deze modelversie bestaat niet.", StatusCodes.Status404NotFound),
        FairnessGateException => ("Promoveren is geweigerd door de eerlijkheidstoets; alleen een beheerder kan dat met een reden opheffen.", StatusCodes.Status409Conflict),
        PreconditionFailedException => ("Dit kan nu niet: een model dat ervoor nodig is, is nog niet gepromoveerd, of de gegevens staan het niet toe.", StatusCodes.Status409Conflict),
        _ => null,
    };

    /// <summary>The sentence for a failure the user cannot act on; the details go to the server log only.</summary>
    public const string Unexpected = "Er ging iets mis bij het ophalen van deze pagina; probeer het later opnieuw.";

    private static string KindWord(EntityKind kind) => kind switch
    {
        EntityKind.Candidate => "Kandidaat",
        EntityKind.Vacancy => "Vacature",
        EntityKind.Employer => "Werkgever",
        EntityKind.Placement => "Plaatsing",
        EntityKind.SroiContract => "SROI-contract",
        EntityKind.Route => "Leerwerkroute",
        _ => "Record",
    };
}
