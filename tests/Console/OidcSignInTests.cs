using System.Net;
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
/// identity provider's authorize endpoint (authorization code flow with PKCE), read from its discovery document; here a
/// tiny provider on 127.0.0.1 that serves only that document.
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

    private static string Address(WebApplication app) => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    /// <summary>An identity provider that serves its discovery document and an empty key set, nothing more.</summary>
    private static async Task<WebApplication> FakeProviderAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
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
        app.MapGet("/jwks", () => Results.Text("""{"keys":[]}""", "application/json"));
        await app.StartAsync();
        return app;
    }
}
