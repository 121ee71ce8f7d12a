using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Grpc.Core;
using Grpc.Net.Client;
using MatchEngine.Tests.Support;
using MatchEngine.Training.Access;
using Microsoft.Playwright;

namespace MatchEngine.Tests.Console;

/// <summary>
/// The console as a user meets it: the real api process (<c>dotnet run --project api -- demo --serve</c>) over a small
/// trained synthetic region (the demo trains the models the region lacks), and Debian's headless Chromium driven by
/// Playwright. One server and one browser for every console test (an xunit collection). Fails, never skips, when no
/// browser starts.
/// </summary>
public sealed partial class ConsoleFixture : IAsyncLifetime
{
    /// <summary>The region of the synthetic data and of the regional test users.</summary>
    public const string Region = "GV";

    private readonly TempDirectory _dir = new();
    private readonly string _signingKey = AccessTokens.NewSigningKey();
    private readonly List<GrpcChannel> _channels = [];
    private ApiProcess? _api;
    private IPlaywright? _playwright;

    public TrainedRegion Data { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public string ConsoleAddress { get; private set; } = "";

    public string GrpcAddress { get; private set; } = "";

    /// <summary>Where screenshots go: MATCHENGINE_CONSOLE_SCREENSHOTS (docs/console when refreshing the docs), else the test output.</summary>
    public string ScreenshotFolder { get; } = Environment.GetEnvironmentVariable("MATCHENGINE_CONSOLE_SCREENSHOTS") is { Length: > 0 } folder
        ? Path.GetFullPath(folder)
        : Path.Combine(AppContext.BaseDirectory, "console-screenshots");

    public async Task InitializeAsync()
    {
        Data.CopyDataTo(_dir.File("data"));
        _api = ApiProcess.Start(_dir.Path, new Dictionary<string, string> { ["MatchEngine__Auth__SigningKey"] = _signingKey },
            "demo", "--serve", "--MatchEngine:Port=0", "--MatchEngine:ConsolePort=0");
        var serving = ServingLine();
        Match line;
        try
        {
            line = await _api.WaitForAsync(serving, TimeSpan.FromMinutes(6));
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"the demo did not start serving:\n{_api.Stdout}\n{_api.Stderr}");
        }
        GrpcAddress = line.Groups["grpc"].Value;
        ConsoleAddress = line.Groups["console"].Value;
        Directory.CreateDirectory(ScreenshotFolder);

        _playwright = await Playwright.CreateAsync();
        var executable = Environment.GetEnvironmentVariable("MATCHENGINE_TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/lib/chromium/chromium-headless-shell";
        if (!File.Exists(executable))
            throw new InvalidOperationException($"no Chromium at {executable}: run tests/run.sh (it installs Debian's chromium-headless-shell) or set MATCHENGINE_TEST_CHROMIUM");
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = executable, Headless = true, Args = ["--no-sandbox"] });
    }

    /// <summary>The served data directory (store, index, models) of the api process.</summary>
    public string DataDirectory => _dir.File("data");

    /// <summary>The demo's output so far (the sign-in links among it).</summary>
    public string DemoOutput => _api?.Stdout ?? "";

    /// <summary>A bearer token for <paramref name="user"/> in <paramref name="role"/>, signed with the server's key.</summary>
    public string TokenFor(string user, string role, params string[] regions) => TokenFor(user, [role], regions);

    /// <summary>A bearer token for <paramref name="user"/> holding every role in <paramref name="roles"/>.</summary>
    public string TokenFor(string user, string[] roles, params string[] regions) =>
        AccessTokens.Mint(_signingKey, user, roles, regions, TimeSpan.FromHours(1), TimeProvider.System);

    /// <summary>A gRPC channel to the same server whose calls carry <paramref name="token"/>.</summary>
    public GrpcChannel ChannelWith(string token)
    {
        var channel = GrpcChannel.ForAddress(GrpcAddress, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, CallCredentials.FromInterceptor((_, metadata) =>
            {
                metadata.Add("Authorization", $"Bearer {token}");
                return Task.CompletedTask;
            })),
            UnsafeUseInsecureChannelCallCredentials = true,
        });
        _channels.Add(channel);
        return channel;
    }

    /// <summary>Longest a page action or navigation may take: the suite's other tests share the two cores with the api and the browser.</summary>
    public const float ActionTimeoutMs = 90_000;

    /// <summary>A page in a fresh browser session (its own cookies), not signed in.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "nl-NL", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(ActionTimeoutMs);
        context.SetDefaultNavigationTimeout(ActionTimeoutMs);
        return await context.NewPageAsync();
    }

    /// <summary>A fresh browser session (its own cookies) signed in through the sign-in page as <paramref name="user"/>.</summary>
    public Task<IPage> SignInAsync(string user, string role, params string[] regions) => SignInAsync(user, [role], regions);

    /// <summary>A fresh browser session signed in as <paramref name="user"/> holding every role in <paramref name="roles"/>.</summary>
    public async Task<IPage> SignInAsync(string user, string[] roles, params string[] regions)
    {
        var page = await NewPageAsync();
        await page.GotoAsync($"{ConsoleAddress}/aanmelden?token={Uri.EscapeDataString(TokenFor(user, roles, regions))}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();
        await ArrivedAtAsync(page, $"{ConsoleAddress}/");
        return page;
    }

    /// <summary>
    /// Waits until <paramref name="page"/> is at <paramref name="url"/> and shows its main content, reading the page's address
    /// and its <c>main</c> rather than its load events: after the sign-in's POST and redirect Playwright now and then saw
    /// "networkidle" but never "load" of the new page, and its URL waits, which end with a load-state wait even when told to
    /// wait for the commit only, waited out their timeout.
    /// </summary>
    public static async Task ArrivedAtAsync(IPage page, string url)
    {
        await Assertions.Expect(page).ToHaveURLAsync(url, new PageAssertionsToHaveURLOptions { Timeout = ActionTimeoutMs });
        await page.Locator("main").WaitForAsync();
    }

    /// <summary>
    /// Fails when axe-core finds a serious or critical WCAG 2.1 A/AA violation on the page as it is now. axe runs as a script
    /// in the page, and Playwright gives a script no timeout of its own: this one waits at most <see cref="ActionTimeoutMs"/>.
    /// </summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
        }).WaitAsync(TimeSpan.FromMilliseconds(ActionTimeoutMs));
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToArray();
        Assert.True(bad.Length == 0, $"{page.Url}: " + string.Join("; ", bad.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
    }

    /// <summary>Saves a full-page screenshot as NAME.png in <see cref="ScreenshotFolder"/>.</summary>
    public Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}.png"), FullPage = true });

    public async Task DisposeAsync()
    {
        foreach (var channel in _channels) channel.Dispose();
        if (Browser is not null) await Browser.CloseAsync().WaitAsync(TimeSpan.FromMilliseconds(ActionTimeoutMs));
        _playwright?.Dispose();
        _api?.Dispose();
        // The api's own log (each request with its duration) for reading after a failed page wait; the next run overwrites it.
        if (_api is not null) await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "console-server.log"), _api.Stdout + "\n" + _api.Stderr);
        Data.Dispose();
        _dir.Dispose();
    }

    [GeneratedRegex(@"^De server blijft draaien tot Ctrl\+C: gRPC op (?<grpc>http://\S+), de webconsole op (?<console>http://\S+)\.$")]
    private static partial Regex ServingLine();
}

/// <summary>
/// The console tests, run on their own after the parallel collections, so that the api process and Chromium do not share the
/// two cores with the training tests of other collections (while they did, a navigation now and then exceeded the 90 s timeout).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    public const string Name = "console";
}
