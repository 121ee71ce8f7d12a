using MatchEngine.Engine.Access;
using Microsoft.Playwright;

namespace MatchEngine.Tests.Console;

/// <summary>Signing in and out: token sign-in, the session cookie's attributes, refusal of a bad token, keyboard use.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class SignInTests(ConsoleFixture console)
{
    [Fact]
    public async Task SignIn_ValidToken_SetsAnHttpOnlySameSiteStrictSessionCookie()
    {
        var page = await console.SignInAsync("am-cookie", Roles.Accountmanager, ConsoleFixture.Region);
        var cookie = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == "matchengine.console");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.Contains("accountmanager in regio GV", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoServe_PrintedAccountmanagerLink_SignsInAsTheDemosAccountmanagerAfterOneClick()
    {
        var links = console.DemoOutput.Split('\n').Where(l => l.Contains("/aanmelden?token=", StringComparison.Ordinal)).ToArray();
        Assert.Equal(5, links.Length);
        var line = Assert.Single(links, l => l.TrimStart().StartsWith("accountmanager (regio GV): ", StringComparison.Ordinal));
        var page = await console.NewPageAsync();
        await page.GotoAsync(line[(line.IndexOf("http", StringComparison.Ordinal))..].Trim());
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();
        await ConsoleFixture.ArrivedAtAsync(page, $"{console.ConsoleAddress}/");
        Assert.Contains("Welkom, demo-am.", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https", true)]
    [InlineData(null, false)]
    public async Task SignIn_BehindATlsProxyOnThisMachine_SessionCookieIsSecureHttpOnlyAndStrict(string? forwardedProto, bool secure)
    {
        // Cookies are passed on by hand: behind the proxy they are Secure, and an HttpClient would not send them over http://.
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });
        using var get = new HttpRequestMessage(HttpMethod.Get, $"{console.ConsoleAddress}/aanmelden");
        if (forwardedProto is not null) get.Headers.Add("X-Forwarded-Proto", forwardedProto);
        using var formResponse = await http.SendAsync(get);
        var form = await formResponse.Content.ReadAsStringAsync();
        var antiforgery = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(antiforgery);
        using var post = new HttpRequestMessage(HttpMethod.Post, $"{console.ConsoleAddress}/aanmelden")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["token"] = console.TokenFor("am-proxy", Roles.Accountmanager, ConsoleFixture.Region),
                ["__RequestVerificationToken"] = antiforgery,
            }),
        };
        if (forwardedProto is not null) post.Headers.Add("X-Forwarded-Proto", forwardedProto);
        post.Headers.Add("Cookie", string.Join("; ", formResponse.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        using var response = await http.SendAsync(post);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        var session = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("matchengine.console=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", session, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", session, StringComparison.Ordinal);
        Assert.Equal(secure, session.Contains("; secure", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_WithoutTheFormsAntiforgeryToken_Refused()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var response = await http.PostAsync($"{console.ConsoleAddress}/aanmelden", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = console.TokenFor("am-csrf", Roles.Accountmanager, ConsoleFixture.Region),
        }));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("matchengine.console=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SignIn_ForgedToken_OneDutchSentenceAndNoSession()
    {
        var page = await console.NewPageAsync();
        await page.GotoAsync($"{console.ConsoleAddress}/aanmelden");
        await ConsoleFixture.AssertAccessibleAsync(page);
        await console.ScreenshotAsync(page, "aanmelden");
        var forged = console.TokenFor("am", Roles.Accountmanager, ConsoleFixture.Region)[..^4] + "AAAA";
        await page.GetByLabel("Token").FillAsync(forged);
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Dit token is ongeldig of verlopen; maak een nieuw token met matchengine token.");
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "matchengine.console");
    }

    [Fact]
    public async Task Page_NotSignedIn_RedirectsToTheSignInPageAndBackAfterwards()
    {
        var page = await console.NewPageAsync();
        await page.GotoAsync($"{console.ConsoleAddress}/vacatures");
        Assert.StartsWith($"{console.ConsoleAddress}/aanmelden?ReturnUrl=", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("Token").FillAsync(console.TokenFor("am-terug", Roles.Accountmanager, ConsoleFixture.Region));
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();
        await ConsoleFixture.ArrivedAtAsync(page, $"{console.ConsoleAddress}/vacatures");
    }

    [Fact]
    public async Task SignIn_KeyboardOnly_ReachesTheVacanciesThroughTheMenu()
    {
        var page = await console.NewPageAsync();
        await page.GotoAsync($"{console.ConsoleAddress}/aanmelden");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Naar de inhoud", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        await page.GetByLabel("Token").FocusAsync();
        await page.Keyboard.InsertTextAsync(console.TokenFor("am-toetsenbord", Roles.Accountmanager, ConsoleFixture.Region));
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await ConsoleFixture.ArrivedAtAsync(page, $"{console.ConsoleAddress}/");
        for (var i = 0; i < 10 && await page.EvaluateAsync<string>("document.activeElement.textContent") != "Vacatures"; i++)
            await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await ConsoleFixture.ArrivedAtAsync(page, $"{console.ConsoleAddress}/vacatures");
    }

    [Fact]
    public async Task SignOut_Button_EndsTheSession()
    {
        var page = await console.SignInAsync("am-uit", Roles.Accountmanager, ConsoleFixture.Region);
        await page.GetByRole(AriaRole.Button, new() { Name = "Afmelden" }).ClickAsync();
        await ConsoleFixture.ArrivedAtAsync(page, $"{console.ConsoleAddress}/aanmelden");
        await page.GotoAsync($"{console.ConsoleAddress}/vacatures");
        Assert.StartsWith($"{console.ConsoleAddress}/aanmelden", page.Url, StringComparison.Ordinal);
    }
}
