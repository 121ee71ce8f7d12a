using MatchEngine.Api.Configuration;
using MatchEngine.Api.Security;
using MatchEngine.Api.WebConsole;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace MatchEngine.Api.Hosting;

/// <summary>
/// Registers authentication and authorization. Per request: an api key header uses the api key scheme; a console
/// page without an Authorization header uses the console's session cookie (<see cref="ConsoleAuth"/>); everything
/// else (gRPC, the HTTP/JSON api) a JWT bearer token, validated as <see cref="AuthOptions"/> say.
/// </summary>
public static class SecurityRegistration
{
    private const string Selector = "MatchEngine";

    /// <summary>Binds and validates <see cref="AuthOptions"/> (a signing key or an authority is required) and registers the
    /// schemes; the bearer and console schemes read their settings from the validated options.</summary>
    public static IServiceCollection AddMatchEngineSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddAuthentication(Selector)
            .AddPolicyScheme(Selector, Selector, o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header) ? ApiKeyAuthenticationHandler.SchemeName
                : ConsoleAuth.UsesCookie(context) ? ConsoleAuth.CookieScheme
                : JwtBearerDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddJwtBearer()
            // Which schemes exist is decided before the container is built, so the console asks the configuration
            // whether an identity provider is set; every scheme's settings come from the validated options.
            .AddConsoleSchemes(signsInWithIdentityProvider: !string.IsNullOrEmpty(configuration[$"{AuthOptions.Section}:{nameof(AuthOptions.Authority)}"]));
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IOptions<AuthOptions>>((o, options) =>
        {
            var auth = options.Value;
            o.MapInboundClaims = false;
            o.Events = new JwtBearerEvents { OnTokenValidated = RequireUser };
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
                IssuerSigningKey = SettingsCheck.SigningKeyBytes(auth.SigningKey) >= 32 ? new SymmetricSecurityKey(Convert.FromBase64String(auth.SigningKey!)) : null,
                NameClaimType = "sub",
                RoleClaimType = "role",
                ClockSkew = TimeSpan.FromMinutes(1),
            };
        });
        services.AddAuthorization();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, GrpcAuthorizationResults>();
        return services;
    }

    /// <summary>Refuses a valid token that names no user: every read is audited under the caller's name.</summary>
    private static Task RequireUser(TokenValidatedContext context)
    {
        if (string.IsNullOrWhiteSpace(context.Principal?.FindFirst("sub")?.Value)) context.Fail(new CallerWithoutUserException());
        return Task.CompletedTask;
    }
}
