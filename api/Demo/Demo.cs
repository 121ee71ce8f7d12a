using System.Globalization;
using System.Text.Json.Nodes;
using Grpc.Net.Client;
using MatchEngine.Api.Configuration;
using MatchEngine.Api.Hosting;
using MatchEngine.Engine;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Import;
using MatchEngine.Engine.Leerwerk;
using MatchEngine.Engine.Matching;
using MatchEngine.Engine.Risk;
using MatchEngine.Models.Herinstroom;
using MatchEngine.Models.Ranking;
using MatchEngine.Models.Registry;
using MatchEngine.Training.Access;
using MatchEngine.Training.Runs;
using MatchEngine.Training.Synth;
using Microsoft.Extensions.Options;

namespace MatchEngine.Api.Demo;

/// <summary>
/// <c>dotnet run --project api -c Release -- demo [--serve] [--as-of YYYY-MM-DD]</c>: on an empty data directory generates
/// a synthetic region, imports it, trains the models as <c>matchengine train</c> does (with their reports), then serves
/// it and prints what each user would ask for, fetched over gRPC from the running server. "Today" is the data's date
/// (<see cref="DataDate"/>) unless <c>--as-of</c> gives one. With <c>--serve</c> it keeps serving.
/// </summary>
public static class Demo
{
    private const string Tool = "matchengine demo";

    /// <summary>The region of the demo's synthetic data and of its regional users.</summary>
    private const string DemoRegion = "GV";

    private const string Usage =
        "gebruik: dotnet run --project api -c Release -- demo [--serve] [--as-of YYYY-MM-DD] [--MatchEngine:Port=5081] [--MatchEngine:ConsolePort=8081] [--MatchEngine:DataDirectory=DIR]";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Any(a => a is "--help" or "-h"))
        {
            Console.WriteLine(Usage);
            return 0;
        }
        var serve = args.Contains("--serve");
        if (!TryAsOf(args, out var asOf, out var rest))
        {
            Console.Error.WriteLine($"{Tool}: --as-of heeft een datum nodig (JJJJ-MM-DD)");
            return 1;
        }
        // The demo signs its own tokens with a key made for this run, unless one is configured.
        var signingKey = AccessTokens.NewSigningKey();
        var app = ApiHost.Build(rest.Where(a => a is not ("demo" or "--serve")).ToArray(), b =>
        {
            b.Logging.SetMinimumLevel(serve ? LogLevel.Information : LogLevel.Warning);
            if (string.IsNullOrEmpty(b.Configuration["MatchEngine:Auth:SigningKey"]))
                b.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["MatchEngine:Auth:SigningKey"] = signingKey });
            else
                signingKey = b.Configuration["MatchEngine:Auth:SigningKey"]!;
        });
        var options = app.Services.GetRequiredService<IOptions<MatchEngineOptions>>().Value;
        if (BusyPort.Check(Tool, options) is { } busy)
        {
            Console.Error.WriteLine(busy);
            return 1;
        }
        var time = app.Services.GetRequiredService<TimeProvider>();
        var layout = app.Services.GetRequiredService<DataLayout>();
        var catalog = app.Services.GetRequiredService<CatalogService>();
        Console.WriteLine($"MatchEngine demo — data directory {layout.Root}");

        if (catalog.Store.Count(EntityKind.Candidate) == 0)
        {
            var folder = Path.Combine(layout.Root, "demo-world");
            var synth = new SynthOptions(Seed: 42, Candidates: 5000, Vacancies: 1000, Region: DemoRegion, AsOf: asOf);
            Console.WriteLine($"1. Generating a synthetic region (Gooi en Vechtstreek, 5,000 candidates, as of {synth.Today:yyyy-MM-dd}) into {folder} …");
            WorldWriter.Write(new WorldGenerator(synth).Generate(), folder);
            SynthSettings.Of(synth).Write(folder);
            SynthSettings.CopyInto(folder, layout.Root);
            Console.WriteLine("2. Importing it into the store and the index …");
            var result = new FolderImporter(catalog.Store, catalog.Validator).Import(folder);
            catalog.SyncIndex();
            Console.WriteLine($"   {result.ToJson()}");
        }
        else
        {
            Console.WriteLine("1-2. Using the region already in the store.");
        }
        var today = DataDate.Resolve(asOf, catalog.Store, time);
        Console.WriteLine(asOf is null
            ? $"   Today is {today:yyyy-MM-dd}, the data's date (the latest day its placements were observed); --as-of YYYY-MM-DD sets another."
            : $"   Today is {today:yyyy-MM-dd}, as --as-of says.");

        var registry = app.Services.GetRequiredService<ModelRegistry>();
        var training = new DemoTraining(catalog, app.Services.GetRequiredService<CandidatePool>(), registry.ActingFor("demo"), asOf);
        if (registry.Promoted(RankerModels.Name) is null)
        {
            training.Train("3. Training the shortlist rankers (logistic regression, plain and spline; LambdaMART and LightGBM) on the match history", RankerModels.Name);
            app.Services.GetRequiredService<PromotedModel<TrainedRanker>>().Refresh();
        }
        else
        {
            Console.WriteLine($"3. Using the promoted ranker {registry.Promoted(RankerModels.Name)}.");
        }
        if (registry.Promoted(RouteSuccessModels.Name) is null)
        {
            training.Train("   Training the route-success model (completes the route and still works a year later)", RouteSuccessModels.Name);
            app.Services.GetRequiredService<PromotedModel<HorizonClassifier>>().Refresh();
        }
        if (registry.Promoted(HerinstroomModels.Name) is null)
        {
            training.Train("   Training the herinstroom models (Cox and FastTree with censoring weights) on the placements", HerinstroomModels.Name);
            app.Services.GetRequiredService<PromotedModel<HerinstroomModel>>().Refresh();
        }

        try
        {
            await app.StartAsync();
        }
        catch (Exception e) when (BusyPort.IsBindFailure(e))
        {
            Console.Error.WriteLine(BusyPort.Message(Tool, options.Host, options.Port));
            return 1;
        }
        var address = ServerAddresses.Grpc(app.Services);
        Console.WriteLine($"4. Serving gRPC on {address} and the web console on {ServerAddresses.Console(app.Services)}; what the users see, fetched over gRPC:");
        Console.WriteLine("   calling as accountmanager 'demo-am' of region GV, and as SROI-makelaar 'demo-makelaar' (bearer tokens signed for this run)");
        using var channel = Channel(address, AccessTokens.Mint(signingKey, "demo-am", "accountmanager", [DemoRegion], ConsoleLinks.Lifetime, time));
        using var makelaar = Channel(address, AccessTokens.Mint(signingKey, "demo-makelaar", "sroi-makelaar", [DemoRegion], ConsoleLinks.Lifetime, time));
        await DemoScript.RunAsync(channel, makelaar, catalog, today);

        if (serve)
        {
            var console = ServerAddresses.Console(app.Services);
            Console.WriteLine($"Serving gRPC on {address} and the web console on {console} until Ctrl+C.");
            Console.WriteLine("Sign-in links for the console, one per role, valid 8 hours (local use only: whoever holds a link signs in as that role):");
            foreach (var line in ConsoleLinks.Lines(console, signingKey, DemoRegion, time)) Console.WriteLine(line);
            Console.WriteLine($"An admin token for gRPC and the HTTP/JSON api: {AccessTokens.Mint(signingKey, "demo-admin", "admin", [], ConsoleLinks.Lifetime, time)}");
            await app.WaitForShutdownAsync();
        }
        else
        {
            await app.StopAsync();
        }
        await app.DisposeAsync();
        return 0;
    }

    private static GrpcChannel Channel(string address, string token) => GrpcChannel.ForAddress(address, new GrpcChannelOptions
    {
        Credentials = global::Grpc.Core.ChannelCredentials.Create(global::Grpc.Core.ChannelCredentials.Insecure, global::Grpc.Core.CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("Authorization", $"Bearer {token}");
            return Task.CompletedTask;
        })),
        UnsafeUseInsecureChannelCallCredentials = true,
    });

    /// <summary>Takes <c>--as-of DATE</c> (or <c>--as-of=DATE</c>) out of <paramref name="args"/>; false when its value is not a date.</summary>
    internal static bool TryAsOf(string[] args, out DateOnly? asOf, out string[] rest)
    {
        asOf = null;
        var kept = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            string? value = null;
            if (args[i] == "--as-of") value = i + 1 < args.Length ? args[++i] : "";
            else if (args[i].StartsWith("--as-of=", StringComparison.Ordinal)) value = args[i]["--as-of=".Length..];
            else
            {
                kept.Add(args[i]);
                continue;
            }
            if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                rest = [];
                return false;
            }
            asOf = day;
        }
        rest = [.. kept];
        return true;
    }

    /// <summary>Trains one model as <c>matchengine train NAME</c> does: the same run, manifest settings and report.</summary>
    private sealed class DemoTraining(CatalogService catalog, CandidatePool pool, ModelRegistry registry, DateOnly? asOf)
    {
        public void Train(string heading, string name)
        {
            Console.WriteLine($"{heading} …");
            var outcome = TrainingRuns.Run(new TrainingRequest(name, new TrainingConfig { AsOf = asOf }), catalog, pool, registry, TextWriter.Null);
            Console.WriteLine($"   {outcome.MetricsJson}");
            Console.WriteLine($"   report: {outcome.Report.Path}");
            var trained = Path.GetFileName(Path.GetDirectoryName(outcome.Report.Path))!;
            if (registry.Get(trained)?.Fairness is { } audit)
            {
                var (verdict, notes) = FairnessSummary.Of(audit, registry.Fairness.Threshold);
                Console.WriteLine($"   fairness {trained}: {verdict}");
                Console.WriteLine($"   fairness {trained}: {notes}");
            }
            if (registry.Promoted(name) is not null) return;
            // The fairness audit held the run's best version back; the demo shows what an admin may do: override with a recorded reason.
            var version = Path.GetFileName(Path.GetDirectoryName(outcome.Report.Path))!;
            var blocked = JsonNode.Parse(outcome.MetricsJson)?["promotion_blocked"]?.GetValue<string>() ?? FairnessGate.Refusal(registry.Require(version), registry.Fairness);
            Console.WriteLine($"   FAIRNESS: promotion blocked — {blocked}");
            Console.WriteLine($"   The demo promotes {version} anyway, recording the override: synthetic region, demo only.");
            registry.Promote(version, "demo", "demo on a synthetic region; not for use on real candidates", byAdmin: true);
        }
    }
}
