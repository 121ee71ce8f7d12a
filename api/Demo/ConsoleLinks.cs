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

    /// <summary>The demo's users: name, role, the words shown, and whether the role is scoped to the demo's region.</summary>
    private static readonly (string User, string Role, string Words, bool Regional)[] Users =
    [
        ("demo-am", Roles.Accountmanager, "accountmanager", true),
        ("demo-jobcoach", Roles.Consulent, "consulent / jobcoach", true),
        ("demo-makelaar", Roles.SroiMakelaar, "SROI-makelaar", false),
        ("demo-datascientist", Roles.DataScientist, "data scientist", false),
        ("demo-admin", Roles.Admin, "admin", false),
    ];

    /// <summary>Lines "  ROLE: CONSOLE/aanmelden?token=…", one per role, for <paramref name="region"/>'s regional roles.</summary>
    public static IEnumerable<string> Lines(string consoleAddress, string signingKey, string region, TimeProvider time) =>
        Users.Select(u =>
        {
            var token = AccessTokens.Mint(signingKey, u.User, u.Role, u.Regional ? [region] : [], Lifetime, time);
            return $"   {u.Words}{(u.Regional ? $" (regio {region})" : "")}: {consoleAddress}/aanmelden?token={Uri.EscapeDataString(token)}";
        });
}
