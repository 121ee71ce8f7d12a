using MatchEngine.Api.Security;
using MatchEngine.Engine;
using MatchEngine.Engine.Access;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MatchEngine.Api.WebConsole;

/// <summary>
/// A console page: its title, the Dutch sentence of a failure (<see cref="ConsoleErrorFilter"/>), and the policy scope of
/// the signed-in user for one read, named in the audit trail as <c>console PAGE</c>.
/// </summary>
public abstract class ConsolePage : PageModel
{
    /// <summary>The failure of this request as one Dutch sentence; null when there was none.</summary>
    public string? Error { get; set; }

    /// <summary>The page's title, in the browser tab and its heading.</summary>
    public abstract string Title { get; }

    /// <summary>The signed-in user's scope for a read by this page, named <c>console /path</c> in the audit trail.</summary>
    protected CallerScope Scope(AccessPolicy policy) => policy.For(CallerClaims.Of(User), $"console {PageContext.ActionDescriptor.ViewEnginePath}");

    /// <summary>
    /// What the record named in this page's address is ("kandidaat" for <c>/kandidaten/{id}</c>), for the refusal of an
    /// address whose id is blank; null for a page without one.
    /// </summary>
    protected virtual string? AddressNames => null;

    /// <summary>
    /// Labels of the fields the engine names in a refusal (<see cref="InvalidRequestException.Field"/>, a contract's field), as
    /// this page's form names them: the sentence names what the user sees, not the field of the api.
    /// </summary>
    public virtual IReadOnlyDictionary<string, string> FieldLabels { get; } = new Dictionary<string, string>();

    /// <summary>Refuses an address whose record id is blank (<c>/kandidaten/%20</c>) as a bad request, before any read.</summary>
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (AddressNames is not { } what) return;
        var blank = context.RouteData.Values.Where(v => v.Key is not ("page" or "handler")).Any(v => string.IsNullOrWhiteSpace(v.Value as string));
        if (!blank) return;
        Error = $"Het adres noemt geen {what}; kies er een uit de lijst.";
        context.Result = new PageResult { StatusCode = StatusCodes.Status400BadRequest };
    }

    /// <summary>
    /// Shows an invalid input as this page's failure (status 400) while the page goes on to show the rest: the form keeps what
    /// was typed, and whatever does not depend on the refused field.
    /// </summary>
    protected void Refuse(InvalidRequestException invalid)
    {
        Error = ConsoleErrors.Known(invalid, FieldLabels)!.Value.Sentence;
        Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    /// <summary>
    /// Whether the menu and the start page offer a page of every region (the audit trail, catalog writes) to <paramref name="user"/>: an
    /// admin without a regional role (an accountmanager or consulent among the roles limits every call to the own regions).
    /// </summary>
    public static bool OfferedToAllRegionsAdmin(System.Security.Claims.ClaimsPrincipal user) =>
        user is not null && user.IsInRole(Roles.Admin) && !CallerClaims.Of(user).IsRegionScoped;

    /// <summary>True when the signed-in user holds one of the comma-separated <paramref name="roles"/> (as <c>[Authorize(Roles)]</c> reads them).</summary>
    protected bool HoldsOneOf(string roles) => roles.Split(',').Any(User.IsInRole);
}
