using MatchEngine.Engine.Access;
using MatchEngine.Training.Access;

namespace MatchEngine.Api.Demo;

/// <summary>
/// The console sign-in links <c>demo --serve</c> prints: one per role, each carrying a bearer token that lasts
/// <see cref="Lifetime"/>. For local use only: whoever holds a link can sign in as that role until it expires.
/// </summary>
public static class ConsoleLinks
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    /// <summary>The demo's users: name, role, and whether the role is scoped to the demo's region.</summary>
    private static readonly (string User, string Role, bool Regional)[] Users =
    [
        ("demo-am", Roles.Accountmanager, true),
        ("demo-jobcoach", Roles.Consulent, true),
        ("demo-makelaar", Roles.SroiMakelaar, false),
        ("demo-datascientist", Roles.DataScientist, false),
        ("demo-admin", Roles.Admin, false),
    ];

    /// <summary>Lines "   ROLE: CONSOLE/aanmelden?token=…", one per role named as the console names it, for <paramref name="region"/>'s regional roles.</summary>
    public static IEnumerable<string> Lines(string consoleAddress, string signingKey, string region, TimeProvider time) =>
        Users.Select(u =>
        {
            var token = AccessTokens.Mint(signingKey, u.User, u.Role, u.Regional ? [region] : [], Lifetime, time);
            return $"   {WebConsole.Pages.IndexModel.RoleWord(u.Role)}{(u.Regional ? $" (regio {region})" : "")}: {consoleAddress}/aanmelden?token={Uri.EscapeDataString(token)}";
        });
}
