using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Razor.Compilation;

namespace MatchEngine.Api.WebConsole;

/// <summary>
/// The web console: Razor Pages under <c>WebConsole/Pages</c>, served on the console port (see
/// <see cref="Configuration.MatchEngineOptions.ConsolePort"/>), with anti-forgery tokens on every form and Dutch error sentences.
/// </summary>
public static class ConsoleHost
{
    public static void AddMatchEngineConsole(this WebApplicationBuilder builder)
    {
        var assembly = typeof(ConsoleHost).Assembly;
        builder.Services.AddRazorPages(o =>
            {
                o.RootDirectory = "/WebConsole/Pages";
                o.Conventions.AuthorizeFolder("/");
                o.Conventions.AllowAnonymousToPage("/Aanmelden");
                o.Conventions.AllowAnonymousToPage("/GeenToegang");
                o.Conventions.AllowAnonymousToPage("/Verder");
            })
            .AddMvcOptions(o => o.Filters.Add<ConsoleErrorFilter>())
            // The pages are compiled into this assembly; a host started from another one (a test) must still find them.
            .ConfigureApplicationPartManager(m =>
            {
                if (m.ApplicationParts.Any(p => p.Name == assembly.GetName().Name)) return;
                m.ApplicationParts.Add(new AssemblyPart(assembly));
                m.ApplicationParts.Add(new CompiledRazorAssemblyPart(assembly));
            });
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "matchengine.antiforgery";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = "__RequestVerificationToken";
        });
        builder.Services.AddSingleton<TokenSignIn>();
        builder.Services.AddSingleton<ModelJobs>();
    }

    /// <summary>
    /// Takes the scheme a TLS-terminating proxy on this machine reports (<c>X-Forwarded-Proto</c>, trusted from loopback
    /// only), so the console's cookies are Secure when the browser reached it over HTTPS.
    /// </summary>
    public static void UseConsoleBehindTls(this WebApplication app) =>
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedProto });

    public static void MapMatchEngineConsole(this WebApplication app)
    {
        app.MapRazorPages();
    }
}
