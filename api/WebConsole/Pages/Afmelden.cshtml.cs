using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace MatchEngine.Api.WebConsole.Pages;

/// <summary>Ends the console session (a form post, so no link or image can sign someone out).</summary>
public sealed class AfmeldenModel : ConsolePage
{
    public override string Title => "Afgemeld";

    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(ConsoleAuth.CookieScheme);
        return LocalRedirect("/aanmelden");
    }
}
