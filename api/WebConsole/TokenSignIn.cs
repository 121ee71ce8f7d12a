using System.Security.Claims;
using MatchEngine.Api.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace MatchEngine.Api.WebConsole;

/// <summary>
/// Local sign-in: a bearer token made with <c>matchengine token</c> (or printed by <c>demo --serve</c>) is validated
/// exactly as a gRPC call's token is (the JWT bearer scheme's parameters) and becomes a console session that ends when
/// the token expires. For local use only; production signs in through the identity provider.
/// </summary>
public sealed class TokenSignIn(IOptionsMonitor<JwtBearerOptions> bearer, IOptions<AuthOptions> auth)
{
    /// <summary>False when the console signs in through an identity provider only (no signing key configured).</summary>
    public bool Available => !string.IsNullOrEmpty(auth.Value.SigningKey);

    /// <summary>The session's principal and properties for a valid token; null for an invalid or expired one, or one that names no user (<c>sub</c>).</summary>
    public async Task<(ClaimsPrincipal Principal, AuthenticationProperties Properties)?> ValidateAsync(string token)
    {
        if (!Available || string.IsNullOrWhiteSpace(token)) return null;
        var parameters = bearer.Get(JwtBearerDefaults.AuthenticationScheme).TokenValidationParameters;
        var result = await new JsonWebTokenHandler { MapInboundClaims = false }.ValidateTokenAsync(token.Trim(), parameters);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt || string.IsNullOrWhiteSpace(result.ClaimsIdentity.FindFirst("sub")?.Value)) return null;
        var claims = result.ClaimsIdentity.Claims.Where(c => c.Type is "sub" or "role" || c.Type == CallerClaims.RegionClaim)
            .Select(c => new Claim(c.Type, c.Value));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, ConsoleAuth.CookieScheme, "sub", "role"));
        var properties = new AuthenticationProperties { IsPersistent = false, ExpiresUtc = new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero), AllowRefresh = false };
        return (principal, properties);
    }
}
