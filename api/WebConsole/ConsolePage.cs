using MatchEngine.Api.Security;
using MatchEngine.Engine.Access;
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

    /// <summary>True when the signed-in user holds one of the comma-separated <paramref name="roles"/> (as <c>[Authorize(Roles)]</c> reads them).</summary>
    protected bool HoldsOneOf(string roles) => roles.Split(',').Any(User.IsInRole);
}
