using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using MatchEngine.Api.Hosting;
using MatchEngine.Api.V1;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Contract;
using MatchEngine.Training.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Candidate = MatchEngine.Engine.Domain.Candidate;

namespace MatchEngine.Benchmarks.Support;

/// <summary>
/// The real api on a loopback port over a seeded region (imported, indexed), with an admin channel, and candidate
/// records that are not in the store yet, as gRPC records, for Catalog's write streams.
/// </summary>
internal sealed class CatalogStreamServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _root;

    private CatalogStreamServer(WebApplication app, string root, GrpcChannel channel, IReadOnlyList<Candidate> fresh)
    {
        _app = app;
        _root = root;
        Channel = channel;
        Client = new Catalog.CatalogClient(channel);
        Fresh = fresh;
        Records = fresh.Select(c => new Record { Candidate = JsonParser.Parse<Api.V1.Candidate>(ContractJson.Serialize(c)) }).ToArray();
    }

    private static readonly JsonParser JsonParser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public GrpcChannel Channel { get; }
    public Catalog.CatalogClient Client { get; }

    /// <summary>Candidates generated with the region but left out of its import.</summary>
    public IReadOnlyList<Candidate> Fresh { get; }

    /// <summary><see cref="Fresh"/> as gRPC records.</summary>
    public IReadOnlyList<Record> Records { get; }

    /// <summary>The api's catalog, to put the store back between iterations.</summary>
    public CatalogService Catalog => _app.Services.GetRequiredService<CatalogService>();

    /// <summary>Imports a region of <paramref name="candidates"/> + <paramref name="fresh"/> candidates minus the fresh ones, and starts the api over it.</summary>
    public static async Task<CatalogStreamServer> StartAsync(string owner, int candidates, int vacancies, int fresh)
    {
        var root = SyntheticRegion.TempDir(owner);
        var world = SyntheticRegion.CatalogOnly(SyntheticRegion.Generate(candidates + fresh, vacancies), vacancies);
        var imported = world with { Candidates = world.Candidates.Take(candidates).ToArray() };
        var folder = Path.Combine(root, "folder");
        SyntheticRegion.Write(imported, folder);
        var data = Path.Combine(root, "data");
        SyntheticRegion.ImportAndIndex(folder, data).Dispose();

        var key = AccessTokens.NewSigningKey();
        var app = ApiHost.Build([], b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MatchEngine:DataDirectory"] = data,
            ["MatchEngine:Port"] = "0",
            ["MatchEngine:Auth:SigningKey"] = key,
            ["Logging:LogLevel:Default"] = "Warning",
        }));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var token = AccessTokens.Mint(key, "bench-admin", "admin", [], TimeSpan.FromHours(12), TimeProvider.System);
        var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, CallCredentials.FromInterceptor((_, metadata) =>
            {
                metadata.Add("Authorization", $"Bearer {token}");
                return Task.CompletedTask;
            })),
            UnsafeUseInsecureChannelCallCredentials = true,
        });
        return new CatalogStreamServer(app, root, channel, world.Candidates.Skip(candidates).ToArray());
    }

    /// <summary>Removes the fresh candidates from the store and index (directly, not over gRPC).</summary>
    public void RemoveFresh() => Catalog.DeleteMany(Fresh.Select(c => (Engine.Contract.EntityKind.Candidate, c.Id)).ToArray());

    /// <summary>Writes the fresh candidates to the store and index (directly, not over gRPC).</summary>
    public void AddFresh() => Catalog.UpsertMany(Fresh.Select(c => (Engine.Contract.EntityKind.Candidate, ContractJson.Serialize(c))).ToArray());

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        SyntheticRegion.Delete(_root);
    }
}
