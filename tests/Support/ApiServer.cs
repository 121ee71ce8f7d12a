using MatchEngine.Engine.Access;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using MatchEngine.Api.Security;
using MatchEngine.Training.Access;
using MatchEngine.Api.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;

namespace MatchEngine.Tests.Support;

/// <summary>The real api host on a free loopback port over a temp data directory, with a real gRPC channel.</summary>
public sealed class ApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private readonly string _address;
    private readonly string _signingKey;
    private readonly List<GrpcChannel> _channels = [];

    private ApiServer(WebApplication app, TempDirectory dir, string address, string signingKey)
    {
        _app = app;
        Directory = dir;
        _address = address;
        _signingKey = signingKey;
        Channel = ChannelFor(Roles.Admin);
    }

    public TempDirectory Directory { get; }

    /// <summary>The console's HTTP/1.1 address (pages and the HTTP/JSON api), e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string ConsoleAddress { get; private init; } = "";
    /// <summary>A channel authenticated as an admin.</summary>
    public GrpcChannel Channel { get; }

    /// <summary>A channel whose calls carry a bearer token for <paramref name="role"/> scoped to <paramref name="regions"/>.</summary>
    public GrpcChannel ChannelFor(string role, params string[] regions) => ChannelFor([role], regions);

    /// <summary>A channel whose calls carry a bearer token holding every role in <paramref name="roles"/>, scoped to <paramref name="regions"/>.</summary>
    public GrpcChannel ChannelFor(string[] roles, params string[] regions) => BearerChannel(TokenFor(roles, regions));

    /// <summary>A channel whose calls carry <paramref name="token"/> as their bearer token.</summary>
    public GrpcChannel BearerChannel(string token) => Open(CallCredentials.FromInterceptor((_, metadata) =>
    {
        metadata.Add("Authorization", $"Bearer {token}");
        return Task.CompletedTask;
    }));

    /// <summary>A bearer token for <paramref name="user"/> (its <c>sub</c>, which may be empty) in <paramref name="role"/>.</summary>
    public string TokenForUser(string user, string role, params string[] regions) =>
        AccessTokens.Mint(_signingKey, user, [role], regions, TimeSpan.FromHours(1), TimeProvider.System);

    /// <summary>A bearer token for user <c>test-ROLE</c> in <paramref name="role"/>, for a client that is not a gRPC channel.</summary>
    public string TokenFor(string role, params string[] regions) => TokenFor([role], regions);

    /// <summary>A bearer token for user <c>test-ROLE+ROLE</c> holding every role in <paramref name="roles"/>.</summary>
    public string TokenFor(string[] roles, params string[] regions) =>
        AccessTokens.Mint(_signingKey, $"test-{string.Join("+", roles)}", roles, regions, TimeSpan.FromHours(1), TimeProvider.System);

    /// <summary>A channel without credentials.</summary>
    public GrpcChannel AnonymousChannel() => Open(null);

    /// <summary>A channel that sends an api key header.</summary>
    public GrpcChannel ApiKeyChannel(string key) => Open(CallCredentials.FromInterceptor((_, metadata) =>
    {
        metadata.Add("x-api-key", key);
        return Task.CompletedTask;
    }));

    private GrpcChannel Open(CallCredentials? credentials)
    {
        var channel = GrpcChannel.ForAddress(_address, new GrpcChannelOptions
        {
            Credentials = credentials is null ? ChannelCredentials.Insecure : ChannelCredentials.Create(ChannelCredentials.Insecure, credentials),
            UnsafeUseInsecureChannelCallCredentials = true,
        });
        _channels.Add(channel);
        return channel;
    }
    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Starts the api over <paramref name="dir"/>'s <c>data</c> directory. With <paramref name="postgres"/> (an Npgsql
    /// connection string) the store and audit trail live in that shared database, as for one of several replicas,
    /// and the local index follows it every second.
    /// </summary>
    public static async Task<ApiServer> StartAsync(TempDirectory? dir = null, Action<string>? prepareData = null, TimeProvider? clock = null,
        IReadOnlyDictionary<string, string?>? settings = null, string? postgres = null)
    {
        dir ??= new TempDirectory();
        var signingKey = AccessTokens.NewSigningKey();
        var data = dir.File("data");
        prepareData?.Invoke(data);
        var app = ApiHost.Build([], b =>
        {
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["MatchEngine:DataDirectory"] = data,
                ["MatchEngine:Port"] = "0",
                ["MatchEngine:ConsolePort"] = "0",
                ["MatchEngine:Auth:SigningKey"] = signingKey,
            });
            if (postgres is not null)
            {
                b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["MatchEngine:Postgres"] = postgres,
                    ["MatchEngine:IndexSyncSeconds"] = "1",
                });
            }
            if (settings is not null) b.Configuration.AddInMemoryCollection(settings);
            if (clock is not null) b.Services.AddSingleton(clock);
        });
        await app.StartAsync();
        var server = new ApiServer(app, dir, ServerAddresses.Grpc(app.Services), signingKey) { ConsoleAddress = ServerAddresses.Console(app.Services) };
        await server.WaitUntilServingAsync();
        return server;
    }

    /// <summary>Waits (up to a minute) until the health check says SERVING, as a client of a real deployment would.</summary>
    private async Task WaitUntilServingAsync()
    {
        var health = new Health.HealthClient(AnonymousChannel());
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((await health.CheckAsync(new HealthCheckRequest())).Status != HealthCheckResponse.Types.ServingStatus.Serving)
        {
            if (waited.Elapsed > TimeSpan.FromMinutes(1)) throw new TimeoutException("the api did not report SERVING within a minute");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _channels) channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Dispose();
    }
}
