using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace MatchEngine.Api.Security;

/// <summary>Authenticates service accounts by the <c>x-api-key</c> header against <see cref="AuthOptions.ApiKeys"/> (compared by SHA-256, in constant time).</summary>
public sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IOptions<AuthOptions> auth)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "x-api-key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || string.IsNullOrEmpty(values.ToString())) return Task.FromResult(AuthenticateResult.NoResult());
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(values.ToString()));
        foreach (var account in auth.Value.ApiKeys)
        {
            if (account.KeySha256.Length != 64 || !CryptographicOperations.FixedTimeEquals(hash, Convert.FromHexString(account.KeySha256))) continue;
            var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, account.Name), new(ClaimTypes.Name, account.Name), new(ClaimTypes.Role, account.Role) };
            claims.AddRange(account.Regions.Select(r => new Claim("region", r)));
            var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
        }
        return Task.FromResult(AuthenticateResult.Fail("unknown api key"));
    }
}
