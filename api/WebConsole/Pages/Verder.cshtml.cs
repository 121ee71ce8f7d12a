using Microsoft.AspNetCore.Mvc;

namespace MatchEngine.Api.WebConsole.Pages;

/// <summary>
/// Where the identity provider's callback lands: a same-site page that moves on to the page the user asked for, so the
/// browser sends the SameSite=Strict session cookie with that request (it does not on the cross-site redirect itself).
/// </summary>
public sealed class VerderModel : ConsolePage
{
    public override string Title => "Aangemeld";

    [BindProperty(Name = "naar", SupportsGet = true)]
    public string? Naar { get; set; }

    public string Target => Url.IsLocalUrl(Naar) ? Naar! : "/";

    public void OnGet()
    {
    }
}
