using MatchEngine.Api.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace MatchEngine.Api.WebConsole;

/// <summary>
/// How people sign in to the console: a session cookie (HttpOnly, SameSite=Strict, Secure behind TLS) made either by
/// the region's identity provider (OpenID Connect, authorization code flow, when <see cref="AuthOptions.Authority"/> is
/// set) or, for local use, from a bearer token pasted on the sign-in page (<see cref="TokenSignIn"/>).
/// </summary>
public static class ConsoleAuth
{
    public const string CookieScheme = "Console";
    public const string OidcScheme = "ConsoleOidc";
    public const string SignInPath = "/aanmelden";
    public const string ForbiddenPath = "/geen-toegang";
    public const string ContinuePath = "/aanmelden/verder";

    /// <summary>
    /// True when a request is the console's: over HTTP/1.x (the console port; gRPC has its own HTTP/2-only port),
    /// outside the HTTP/JSON api, and without credentials of its own (an Authorization or api key header).
    /// </summary>
    public static bool UsesCookie(HttpContext context) =>
        HttpProtocol.IsHttp11(context.Request.Protocol) || HttpProtocol.IsHttp10(context.Request.Protocol)
            ? !context.Request.Path.StartsWithSegments("/api") && !context.Request.Headers.ContainsKey("Authorization")
            : false;

    /// <summary>An identity provider on this machine (development, tests) may speak plain HTTP; any other must use TLS.</summary>
    public static bool RequiresHttps(string? authority) => !Uri.TryCreate(authority, UriKind.Absolute, out var uri) || !uri.IsLoopback;

    /// <summary>
    /// Adds the console's cookie scheme and, when <paramref name="signsInWithIdentityProvider"/>, its OpenID Connect scheme;
    /// both take their settings from the validated <see cref="AuthOptions"/>.
    /// </summary>
    public static AuthenticationBuilder AddConsoleSchemes(this AuthenticationBuilder builder, bool signsInWithIdentityProvider)
    {
        builder.AddCookie(CookieScheme, o =>
        {
            o.Cookie.Name = "matchengine.console";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = SignInPath;
            o.AccessDeniedPath = ForbiddenPath;
            o.SlidingExpiration = false;
            if (signsInWithIdentityProvider) o.ForwardChallenge = OidcScheme;
        });
        if (!signsInWithIdentityProvider) return builder;
        builder.AddOpenIdConnect(OidcScheme, _ => { });
        builder.Services.AddOptions<OpenIdConnectOptions>(OidcScheme).Configure<IOptions<AuthOptions>>((o, options) =>
        {
            var auth = options.Value;
            o.Authority = auth.Authority;
            o.ClientId = auth.ClientId;
            o.ClientSecret = auth.ClientSecret;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;
            o.SignInScheme = CookieScheme;
            o.MapInboundClaims = false;
            o.GetClaimsFromUserInfoEndpoint = true;
            o.SaveTokens = false;
            o.CallbackPath = "/signin-oidc";
            o.SignedOutCallbackPath = "/signout-callback-oidc";
            o.RequireHttpsMetadata = RequiresHttps(auth.Authority);
            o.TokenValidationParameters.NameClaimType = "sub";
            o.TokenValidationParameters.RoleClaimType = "role";
            o.ClaimActions.MapJsonKey("role", "role");
            o.ClaimActions.MapJsonKey(CallerClaims.RegionClaim, CallerClaims.RegionClaim);
            // The provider's callback is a cross-site request, so the browser would not send the new SameSite=Strict
            // session cookie on its redirect: the user lands on a same-site page first, which moves on by itself.
            o.Events.OnTicketReceived = context =>
            {
                var target = context.ReturnUri is { Length: > 0 } uri && uri.StartsWith('/') && !uri.StartsWith("//", StringComparison.Ordinal) ? uri : "/";
                context.ReturnUri = $"{ContinuePath}?naar={Uri.EscapeDataString(target)}";
                return Task.CompletedTask;
            };
            o.CorrelationCookie.HttpOnly = true;
            o.NonceCookie.HttpOnly = true;
        });
        return builder;
    }
}
