using System.Net;
using MatchEngine.Engine.Access;
using MatchEngine.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MatchEngine.Tests.Console;

/// <summary>
/// Production sign-in: with <c>MatchEngine:Auth:Authority</c> set, a console page sends an unsigned-in user to the
/// identity provider's authorize endpoint (authorization code flow with PKCE), read from its discovery document, and the
/// provider's callback with a code signs the user in with the id token's roles and regions; here a tiny provider on
/// 127.0.0.1 with a discovery document, a signing key and a token endpoint (the user's sign-in at the provider is the
/// test's part).
/// </summary>
public sealed class OidcSignInTests
{
    [Fact]
    public async Task ConsolePage_AuthorityConfigured_RedirectsToTheAuthorizeEndpointWithACodeFlowRequest()
    {
        await using var provider = await FakeProviderAsync();
        var authority = Address(provider);
        await using var server = await ApiServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["MatchEngine:Auth:Authority"] = authority,
            ["MatchEngine:Auth:ClientId"] = "matchengine-console",
        });
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        using var response = await http.GetAsync($"{server.ConsoleAddress}/vacatures");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith($"{authority}/authorize?", location, StringComparison.Ordinal);
        Assert.Contains("client_id=matchengine-console", location, StringComparison.Ordinal);
        Assert.Contains("response_type=code", location, StringComparison.Ordinal);
        Assert.Contains("code_challenge_method=S256", location, StringComparison.Ordinal);
        Assert.Contains($"redirect_uri={Uri.EscapeDataString($"{server.ConsoleAddress}/signin-oidc")}", location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HttpApi_AuthorityConfiguredAndNoToken_401NotARedirectToTheProvider()
    {
        await using var provider = await FakeProviderAsync();
        await using var server = await ApiServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["MatchEngine:Auth:Authority"] = Address(provider),
            ["MatchEngine:Auth:ClientId"] = "matchengine-console",
        });
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var response = await http.PostAsync($"{server.ConsoleAddress}/api/v1/models/list", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task CodeFlow_ProviderAnswersTheCallback_SignsTheUserInWithTheTokensRolesAndRegions()
    {
        await using var provider = await FakeProviderAsync();
        var authority = Address(provider);
        await using var server = await ApiServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["MatchEngine:Auth:Authority"] = authority,
            ["MatchEngine:Auth:ClientId"] = "matchengine-console",
        });
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        var cookies = new Dictionary<string, string>(StringComparer.Ordinal);
        void Keep(HttpResponseMessage response)
        {
            foreach (var set in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = set.Split(';')[0].Split('=', 2);
                if (pair[1].Length == 0) cookies.Remove(pair[0]);
                else cookies[pair[0]] = pair[1];
            }
        }
        HttpRequestMessage Request(HttpMethod method, string url, HttpContent? content = null)
        {
            var request = new HttpRequestMessage(method, url) { Content = content };
            if (cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
            return request;
        }

        // The browser asks for a page and is sent to the provider; the user signs in there, and the provider posts a code back.
        using var start = await http.SendAsync(Request(HttpMethod.Get, $"{server.ConsoleAddress}/vacatures"));
        Keep(start);
        var authorize = System.Web.HttpUtility.ParseQueryString(start.Headers.Location!.Query);
        var code = provider.Services.GetRequiredService<FakeProvider>().Issue(authorize["nonce"]!, "anna", Roles.Accountmanager, ConsoleFixture.Region);
        using var callback = await http.SendAsync(Request(HttpMethod.Post, authorize["redirect_uri"]!, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = code,
            ["state"] = authorize["state"]!,
        })));
        Keep(callback);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.StartsWith("/aanmelden/verder", callback.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains(cookies.Keys, k => k.StartsWith("matchengine.console", StringComparison.Ordinal));

        using var page = await http.SendAsync(Request(HttpMethod.Get, $"{server.ConsoleAddress}/vacatures"));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<span>anna</span>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/nazorg\">", html, StringComparison.Ordinal); // the accountmanager's menu: the role came through

        using var nazorg = await http.SendAsync(Request(HttpMethod.Get, $"{server.ConsoleAddress}/nazorg"));
        Assert.Contains($"<option value=\"{ConsoleFixture.Region}\"", await nazorg.Content.ReadAsStringAsync(), StringComparison.Ordinal); // and the region
    }

    private static string Address(WebApplication app) => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    /// <summary>
    /// An identity provider on 127.0.0.1: its discovery document, its signing key, and a token endpoint that exchanges a
    /// code the test issued (<see cref="FakeProvider.Issue"/>) for an id token signed with that key.
    /// </summary>
    private static async Task<WebApplication> FakeProviderAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton<FakeProvider>();
        var app = builder.Build();
        app.MapGet("/.well-known/openid-configuration", (HttpContext context) =>
        {
            var self = $"{context.Request.Scheme}://{context.Request.Host}";
            return Results.Text($$"""
                {"issuer":"{{self}}","authorization_endpoint":"{{self}}/authorize","token_endpoint":"{{self}}/token",
                 "jwks_uri":"{{self}}/jwks","response_types_supported":["code"],"subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"],"code_challenge_methods_supported":["S256"]}
                """, "application/json");
        });
        app.MapGet("/jwks", (FakeProvider p) => Results.Text(p.KeySet, "application/json"));
        app.MapPost("/token", async (HttpContext context, FakeProvider p) =>
        {
            var form = await context.Request.ReadFormAsync();
            var issuer = $"{context.Request.Scheme}://{context.Request.Host}";
            return p.Exchange(form["code"].ToString(), form["client_id"].ToString(), form["code_verifier"].ToString(), issuer) is { } idToken
                ? Results.Json(new Dictionary<string, object> { ["id_token"] = idToken, ["access_token"] = "opaque", ["token_type"] = "Bearer", ["expires_in"] = 300 })
                : Results.BadRequest();
        });
        await app.StartAsync();
        return app;
    }

    /// <summary>The fake provider's state: its RSA key and the codes issued, each with the nonce and the user it stands for.</summary>
    private sealed class FakeProvider : IDisposable
    {
        private readonly System.Security.Cryptography.RSA _rsa = System.Security.Cryptography.RSA.Create(2048);
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Nonce, string User, string Role, string Region)> _codes = new();

        public string KeySet
        {
            get
            {
                var p = _rsa.ExportParameters(includePrivateParameters: false);
                return $$"""{"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"k1","n":"{{Base64Url(p.Modulus!)}}","e":"{{Base64Url(p.Exponent!)}}"}]}""";
            }
        }

        public string Issue(string nonce, string user, string role, string region)
        {
            var code = Guid.NewGuid().ToString("N");
            _codes[code] = (nonce, user, role, region);
            return code;
        }

        /// <summary>The id token for <paramref name="code"/>, once; null for an unknown code or a request without a PKCE verifier.</summary>
        public string? Exchange(string code, string clientId, string verifier, string issuer)
        {
            if (verifier.Length == 0 || !_codes.TryRemove(code, out var grant)) return null;
            var key = new Microsoft.IdentityModel.Tokens.RsaSecurityKey(_rsa) { KeyId = "k1" };
            return new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
            {
                Issuer = issuer,
                Audience = clientId,
                Claims = new Dictionary<string, object> { ["sub"] = grant.User, ["nonce"] = grant.Nonce, ["role"] = grant.Role, ["region"] = grant.Region },
                SigningCredentials = new Microsoft.IdentityModel.Tokens.SigningCredentials(key, Microsoft.IdentityModel.Tokens.SecurityAlgorithms.RsaSha256),
            });
        }

        public void Dispose() => _rsa.Dispose();

        private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
