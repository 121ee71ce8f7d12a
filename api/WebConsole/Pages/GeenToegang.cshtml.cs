namespace MatchEngine.Api.WebConsole.Pages;

/// <summary>Where the console sends a signed-in user whose roles do not reach a page; answered with 403.</summary>
public sealed class GeenToegangModel : ConsolePage
{
    public override string Title => "Geen toegang";

    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
