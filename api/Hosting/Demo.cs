using Grpc.Net.Client;
using MatchEngine.Engine;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Import;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Ranking;
using MatchEngine.Models.Registry;
using MatchEngine.Training.Access;
using MatchEngine.Training.Herinstroom;
using MatchEngine.Training.Leerwerk;
using MatchEngine.Engine.Risk;
using MatchEngine.Training.Ranking;
using MatchEngine.Engine.Leerwerk;
using MatchEngine.Models.Herinstroom;
using MatchEngine.Training.Synth;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace MatchEngine.Api.Hosting;

/// <summary>
/// <c>dotnet run --project api -c Release -- demo [--serve]</c>: on an empty data directory generates a
/// synthetic region (as of today), imports it, trains the models, then serves it and prints what each
/// user would ask for, fetched over gRPC from the running server. With <c>--serve</c> it keeps serving.
/// </summary>
public static class Demo
{
    public static async Task<int> RunAsync(string[] args)
    {
        var serve = args.Contains("--serve");
        // The demo signs its own tokens with a key made for this run, unless one is configured.
        var signingKey = AccessTokens.NewSigningKey();
        var app = ApiHost.Build(args.Where(a => a is not ("demo" or "--serve")).ToArray(), b =>
        {
            b.Logging.SetMinimumLevel(serve ? LogLevel.Information : LogLevel.Warning);
            if (string.IsNullOrEmpty(b.Configuration["MatchEngine:Auth:SigningKey"]))
                b.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["MatchEngine:Auth:SigningKey"] = signingKey });
            else
                signingKey = b.Configuration["MatchEngine:Auth:SigningKey"]!;
        });
        var time = app.Services.GetRequiredService<TimeProvider>();
        var layout = app.Services.GetRequiredService<DataLayout>();
        var catalog = app.Services.GetRequiredService<CatalogService>();
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        Console.WriteLine($"MatchEngine demo — data in {layout.Root}");

        if (catalog.Store.Count(EntityKind.Candidate) == 0)
        {
            var folder = Path.Combine(layout.Root, "demo-world");
            Console.WriteLine($"1. Generating a synthetic region (Gooi en Vechtstreek, 5,000 candidates, as of {today:yyyy-MM-dd}) into {folder} …");
            WorldWriter.Write(new WorldGenerator(new SynthOptions(Seed: 42, Candidates: 5000, Vacancies: 1000, Region: "GV", AsOf: today)).Generate(), folder);
            Console.WriteLine("2. Importing it into the store and the index …");
            var result = new FolderImporter(catalog.Store, catalog.Validator).Import(folder);
            catalog.SyncIndex();
            Console.WriteLine($"   {result.ToJson()}");
        }
        else
        {
            Console.WriteLine("1-2. Using the region already in the store.");
        }

        var registry = app.Services.GetRequiredService<ModelRegistry>();
        var ranker = app.Services.GetRequiredService<PromotedModel<TrainedRanker>>();
        if (registry.Promoted(RankerModels.Name) is null)
        {
            Console.WriteLine("3. Training the shortlist rankers (LambdaMART and LightGBM) on the match history …");
            var run = new RankerTrainingRun(catalog, app.Services.GetRequiredService<CandidatePool>(), registry, TextWriter.Null).Run(null, new RankerOptions());
            Console.WriteLine($"   {RankerReport.Json(run)}");
            if (run.PromotionBlocked is { } blocked)
            {
                // The fairness audit blocked promotion; the demo shows what an admin may do: override with a recorded reason.
                var version = run.Models.Where(m => m.Version is not null).OrderByDescending(m => m.Metrics.Ndcg10).First().Version!;
                Console.WriteLine($"   FAIRNESS: promotion blocked — {blocked}");
                Console.WriteLine($"   The demo promotes {version} anyway, recording the override: synthetic region, demo only.");
                registry.Promote(version, "demo", "demo on a synthetic region; not for use on real candidates", byAdmin: true);
            }
            ranker.Refresh();
        }
        else
        {
            Console.WriteLine($"3. Using the promoted ranker {registry.Promoted(RankerModels.Name)}.");
        }

        if (registry.Promoted(RouteSuccessModels.Name) is null)
        {
            Console.WriteLine("   Training the route-success model (completes the route and still works a year later) …");
            var leerwerk = new RouteSuccessTrainingRun(catalog, registry, TextWriter.Null).Run(null);
            Console.WriteLine($"   {leerwerk.Version}: AUC {leerwerk.Auc:0.000}, Brier {leerwerk.Brier:0.000} (base rate {leerwerk.BrierBaseRate:0.000}) on {leerwerk.TestRows} held-out placements");
            app.Services.GetRequiredService<PromotedModel<HorizonClassifier>>().Refresh();
        }

        if (registry.Promoted(HerinstroomModels.Name) is null)
        {
            Console.WriteLine("   Training the herinstroom models (Cox and FastTree with censoring weights) on the placements …");
            var herinstroom = new HerinstroomTrainingRun(catalog.Store, registry, TextWriter.Null).Run(null, new HerinstroomOptions());
            Console.WriteLine($"   {HerinstroomReport.Json(herinstroom)}");
            if (herinstroom.PromotionBlocked is { } blocked)
            {
                var version = HerinstroomTrainingRun.Better(herinstroom.Models[0], herinstroom.Models[1]).Version;
                Console.WriteLine($"   FAIRNESS: promotion blocked — {blocked}");
                Console.WriteLine($"   The demo promotes {version} anyway, recording the override: synthetic region, demo only.");
                registry.Promote(version, "demo", "demo on a synthetic region; not for use on real candidates", byAdmin: true);
            }
            app.Services.GetRequiredService<PromotedModel<HerinstroomModel>>().Refresh();
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Console.WriteLine($"4. Serving gRPC on {address}; what the users see, fetched over gRPC:");
        Console.WriteLine("   calling as accountmanager 'demo-am' of region GV (a bearer token signed for this run)");
        var token = AccessTokens.Mint(signingKey, "demo-am", "accountmanager", ["GV"], TimeSpan.FromHours(8), time);
        using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            Credentials = global::Grpc.Core.ChannelCredentials.Create(global::Grpc.Core.ChannelCredentials.Insecure, global::Grpc.Core.CallCredentials.FromInterceptor((_, metadata) =>
            {
                metadata.Add("Authorization", $"Bearer {token}");
                return Task.CompletedTask;
            })),
            UnsafeUseInsecureChannelCallCredentials = true,
        });
        await DemoScript.RunAsync(channel, catalog, today);

        if (serve)
        {
            Console.WriteLine($"Serving on {address} until Ctrl+C. An admin token for this run: {AccessTokens.Mint(signingKey, "demo-admin", "admin", [], TimeSpan.FromHours(8), time)}");
            await app.WaitForShutdownAsync();
        }
        else
        {
            await app.StopAsync();
        }
        await app.DisposeAsync();
        return 0;
    }
}
