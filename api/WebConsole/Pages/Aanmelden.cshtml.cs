using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace MatchEngine.Api.WebConsole.Pages;

/// <summary>
/// Local sign-in with a bearer token (<see cref="TokenSignIn"/>). A link may carry the token (<c>?token=…</c>) to fill in
/// the form; signing in always takes the form's button, so a link alone never signs anyone in.
/// </summary>
public sealed class AanmeldenModel(TokenSignIn signIn) : ConsolePage
{
    public override string Title => "Aanmelden";

    public bool Available => signIn.Available;

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet() =>
        Available || User.Identity?.IsAuthenticated == true ? Page() : Challenge(new AuthenticationProperties { RedirectUri = "/" }, ConsoleAuth.OidcScheme);

    public async Task<IActionResult> OnPostAsync()
    {
        var session = await signIn.ValidateAsync(Token ?? "");
        if (session is null)
        {
            Error = "Dit token is ongeldig of verlopen; maak een nieuw token met matchengine token.";
            Token = null;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await HttpContext.SignInAsync(ConsoleAuth.CookieScheme, session.Value.Principal, session.Value.Properties);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
