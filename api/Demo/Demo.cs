using System.Text.Json.Nodes;
using Grpc.Net.Client;
using MatchEngine.Api.Configuration;
using MatchEngine.Api.Hosting;
using MatchEngine.Engine;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;
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
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace MatchEngine.Api.Demo;

/// <summary>
/// <see cref="ApiCommandLine.DemoUsage"/>: on an empty data directory generates
/// a synthetic region, imports it, trains the models as <c>matchengine train</c> does (with their reports), then serves
/// it and prints what each user would ask for, fetched over gRPC from the running server. "Today" is the data's date
/// (<see cref="DataDate"/>) unless <c>--as-of</c> gives one. With <c>--serve</c> it keeps serving. Stdout is the narration,
/// in Dutch with dates and numbers as Dutch readers write them (the metrics stay JSON, the gRPC methods keep their names);
/// the server's log lines go to stderr. The command line is checked first (<see cref="ApiCommandLine"/>): a refusal is one
/// Dutch line on stderr and exit code 1.
/// </summary>
public static class Demo
{
    private const string Tool = "matchengine demo";

    /// <summary>The region of the demo's synthetic data and of its regional users.</summary>
    private const string DemoRegion = "GV";

    /// <summary>Runs the demo with the arguments after <c>demo</c>; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var (parsed, answered) = ApiCommandLine.ParseOrAnswer(Tool, args, demo: true);
        if (parsed is null) return answered;
        var (serve, asOf) = (parsed.Serve, parsed.AsOf);
        // The demo signs its own tokens with a key made for this run, unless one is configured.
        var signingKey = AccessTokens.NewSigningKey();
        var app = await ApiHost.BuildOrRefuseAsync(Tool, parsed.Settings, b =>
        {
            b.Logging.SetMinimumLevel(serve ? LogLevel.Information : LogLevel.Warning);
            // Stdout is the narration; the server's log lines (English, as logs are) go to stderr.
            b.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            if (string.IsNullOrEmpty(b.Configuration["MatchEngine:Auth:SigningKey"]))
                b.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["MatchEngine:Auth:SigningKey"] = signingKey });
            else
                signingKey = b.Configuration["MatchEngine:Auth:SigningKey"]!;
        });
        if (app is null) return 1;
        var options = app.Services.GetRequiredService<IOptions<MatchEngineOptions>>().Value;
        if (BusyPort.Check(Tool, options) is { } busy)
        {
            Console.Error.WriteLine(busy);
            return 1;
        }
        var time = app.Services.GetRequiredService<TimeProvider>();
        var layout = app.Services.GetRequiredService<DataLayout>();
        var catalog = app.Services.GetRequiredService<CatalogService>();
        Console.WriteLine($"MatchEngine-demo — datamap {layout.Root}");

        if (catalog.Store.Count(EntityKind.Candidate) == 0)
        {
            var folder = Path.Combine(layout.Root, "demo-world");
            var synth = new SynthOptions(Seed: 42, Candidates: 5000, Vacancies: 1000, Region: DemoRegion, AsOf: asOf);
            Console.WriteLine($"1. Een synthetische regio genereren (Gooi en Vechtstreek, {Dutch.Whole(synth.Candidates)} kandidaten, " +
                              $"stand op {Dutch.Date(synth.Today)}) in {folder} …");
            WorldWriter.Write(new WorldGenerator(synth).Generate(), folder);
            SynthSettings.Of(synth).Write(folder);
            SynthSettings.CopyInto(folder, layout.Root);
            Console.WriteLine("2. De regio importeren in de store en de index …");
            var result = new FolderImporter(catalog.Store, catalog.Validator).Import(folder);
            catalog.SyncIndex();
            Console.WriteLine($"   {result.ToJson()}");
        }
        else
        {
            Console.WriteLine("1-2. De regio staat al in de store en wordt gebruikt.");
        }
        var today = DataDate.Resolve(asOf, catalog.Store, time);
        Console.WriteLine(asOf is null
            ? $"   Vandaag is {Dutch.Date(today)}: de datum van de gegevens (de laatste dag waarop de plaatsingen zijn gevolgd); --as-of JJJJ-MM-DD kiest een andere dag."
            : $"   Vandaag is {Dutch.Date(today)}, zoals --as-of zegt.");

        var registry = app.Services.GetRequiredService<ModelRegistry>();
        var training = new DemoTraining(catalog, app.Services.GetRequiredService<CandidatePool>(), registry.ActingFor("demo"), asOf);
        if (registry.Promoted(RankerModels.Name) is null)
        {
            training.Train("3. De shortlist-rankers trainen (logistische regressie, gewoon en als spline; LambdaMART en LightGBM) op de matchgeschiedenis", RankerModels.Name);
            app.Services.GetRequiredService<PromotedModel<TrainedRanker>>().Refresh();
        }
        else
        {
            Console.WriteLine($"3. De gepromoveerde ranker {registry.Promoted(RankerModels.Name)} wordt gebruikt.");
        }
        if (registry.Promoted(RouteSuccessModels.Name) is null)
        {
            training.Train("   Het model voor de slagingskans van leerwerkroutes trainen (route afgerond en een jaar later nog aan het werk)", RouteSuccessModels.Name);
            app.Services.GetRequiredService<PromotedModel<HorizonClassifier>>().Refresh();
        }
        if (registry.Promoted(HerinstroomModels.Name) is null)
        {
            training.Train("   De herinstroommodellen trainen (Cox en FastTree met gewichten voor censurering) op de plaatsingen", HerinstroomModels.Name);
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
        Console.WriteLine($"4. De server draait: gRPC op {address}, de webconsole op {ServerAddresses.Console(app.Services)}. Wat de gebruikers zien, opgehaald over gRPC:");
        Console.WriteLine($"   als accountmanager 'demo-am' van regio {DemoRegion} en als SROI-makelaar 'demo-makelaar' (bearer tokens, ondertekend voor deze demo)");
        using var channel = Channel(address, AccessTokens.Mint(signingKey, "demo-am", "accountmanager", [DemoRegion], ConsoleLinks.Lifetime, time));
        using var makelaar = Channel(address, AccessTokens.Mint(signingKey, "demo-makelaar", "sroi-makelaar", [DemoRegion], ConsoleLinks.Lifetime, time));
        await DemoScript.RunAsync(channel, makelaar, catalog, today);

        if (serve)
        {
            var console = ServerAddresses.Console(app.Services);
            Console.WriteLine($"De server blijft draaien tot Ctrl+C: gRPC op {address}, de webconsole op {console}.");
            Console.WriteLine($"Aanmeldlinks voor de console, één per rol, {Dutch.Hours(ConsoleLinks.Lifetime.TotalHours)} geldig " +
                              "(alleen voor gebruik op deze computer: wie een link heeft, meldt zich aan in die rol):");
            foreach (var line in ConsoleLinks.Lines(console, signingKey, DemoRegion, time)) Console.WriteLine(line);
            Console.WriteLine($"Een beheerderstoken voor gRPC en de HTTP/JSON-api: {AccessTokens.Mint(signingKey, "demo-admin", "admin", [], ConsoleLinks.Lifetime, time)}");
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

    /// <summary>Trains one model as <c>matchengine train NAME</c> does: the same run, manifest settings and report.</summary>
    private sealed class DemoTraining(CatalogService catalog, CandidatePool pool, ModelRegistry registry, DateOnly? asOf)
    {
        public void Train(string heading, string name)
        {
            Console.WriteLine($"{heading} …");
            var outcome = TrainingRuns.Run(new TrainingRequest(name, new TrainingConfig { AsOf = asOf }), catalog, pool, registry, TextWriter.Null);
            Console.WriteLine($"   {outcome.MetricsJson}");
            Console.WriteLine($"   rapport: {outcome.Report.Path}");
            var trained = Path.GetFileName(Path.GetDirectoryName(outcome.Report.Path))!;
            if (registry.Get(trained)?.Fairness is { } audit)
            {
                var (verdict, notes) = FairnessSummary.Of(audit, registry.Fairness.Threshold);
                Console.WriteLine($"   eerlijkheid {trained}: {verdict}");
                Console.WriteLine($"   eerlijkheid {trained}: {notes}");
            }
            if (registry.Promoted(name) is not null) return;
            // The fairness audit held the run's best version back; the demo shows what an admin may do: override with a recorded reason.
            var version = Path.GetFileName(Path.GetDirectoryName(outcome.Report.Path))!;
            var blocked = JsonNode.Parse(outcome.MetricsJson)?["promotion_blocked"]?.GetValue<string>() ?? FairnessGate.Refusal(registry.Require(version), registry.Fairness);
            Console.WriteLine($"   EERLIJKHEID: promotie geblokkeerd — {blocked}");
            Console.WriteLine($"   De demo promoveert {version} toch en legt de opheffing vast: synthetische regio, alleen voor de demo.");
            registry.Promote(version, "demo", "demo op een synthetische regio; niet voor gebruik bij echte kandidaten", byAdmin: true);
        }
    }
}
