using System.Security.Claims;
using MatchEngine.Api.Security;
using MatchEngine.Api.WebConsole;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace MatchEngine.Api.Hosting;

/// <summary>
/// Registers authentication and authorization. Per request: an api key header uses the api key scheme; a console
/// page without an Authorization header uses the console's session cookie (<see cref="ConsoleAuth"/>); everything
/// else (gRPC, the HTTP/JSON api) a JWT bearer token.
/// </summary>
public static class AuthSetup
{
    private const string Selector = "MatchEngine";

    public static void AddMatchEngineAuth(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(AuthOptions.Section);
        builder.Services.AddOptions<AuthOptions>().Bind(section)
            .Validate(o => !string.IsNullOrEmpty(o.Authority) || KeyBytes(o.SigningKey) >= 32,
                "configure MatchEngine:Auth:SigningKey (base64, 32+ bytes; `matchengine token --new-key` makes one) or MatchEngine:Auth:Authority")
            .ValidateOnStart();
        var auth = section.Get<AuthOptions>() ?? new AuthOptions();
        builder.Services.AddAuthentication(Selector)
            .AddPolicyScheme(Selector, Selector, o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header) ? ApiKeyAuthenticationHandler.SchemeName
                : ConsoleAuth.UsesCookie(context) ? ConsoleAuth.CookieScheme
                : JwtBearerDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                if (!string.IsNullOrEmpty(auth.Authority))
                {
                    o.Authority = auth.Authority;
                    o.Audience = auth.Audience;
                    o.RequireHttpsMetadata = ConsoleAuth.RequiresHttps(auth.Authority);
                }
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = "matchengine",
                    ValidAudience = string.IsNullOrEmpty(auth.Authority) ? "matchengine" : auth.Audience,
                    ValidateIssuer = string.IsNullOrEmpty(auth.Authority),
                    IssuerSigningKey = KeyBytes(auth.SigningKey) >= 32 ? new SymmetricSecurityKey(Convert.FromBase64String(auth.SigningKey!)) : null,
                    NameClaimType = "sub",
                    RoleClaimType = "role",
                    ClockSkew = TimeSpan.FromMinutes(1),
                };
            })
            .AddConsoleSchemes(auth);
        builder.Services.AddAuthorization();
    }

    private static int KeyBytes(string? base64)
    {
        if (string.IsNullOrEmpty(base64)) return 0;
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out var n) ? n : 0;
    }
}
