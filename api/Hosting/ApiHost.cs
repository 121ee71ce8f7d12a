using System.Net;
using System.Threading.RateLimiting;
using MatchEngine.Api.Audit;
using MatchEngine.Api.Catalog;
using MatchEngine.Api.Configuration;
using MatchEngine.Api.Grpc;
using MatchEngine.Api.Maatwerk;
using MatchEngine.Api.Match;
using MatchEngine.Api.ModelLifecycle;
using MatchEngine.Api.Risk;
using MatchEngine.Api.Security;
using MatchEngine.Api.Sroi;
using MatchEngine.Api.WebConsole;
using MatchEngine.Engine;
using MatchEngine.Engine.Access;
using MatchEngine.Engine.Advice;
using MatchEngine.Engine.Audit;
using MatchEngine.Engine.Carving;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Leerwerk;
using MatchEngine.Engine.Matching;
using MatchEngine.Engine.Risk;
using MatchEngine.Engine.Sroi;
using MatchEngine.Models.Ranking;
using MatchEngine.Models.Registry;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MatchEngine.Api.Hosting;

/// <summary>Builds the gRPC host: options, engine services, interceptors, health and reflection.</summary>
public static class ApiHost
{
    /// <summary>Builds the application; <paramref name="configure"/> lets tests override settings.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args.Where(a => a != "demo").ToArray());
        configure?.Invoke(builder);
        builder.Services.AddOptions<MatchEngineOptions>().Bind(builder.Configuration.GetSection(MatchEngineOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(MatchEngineOptions.Section).Get<MatchEngineOptions>() ?? new MatchEngineOptions();
        // Two ports: gRPC over HTTP/2 only, and the web console with the HTTP/JSON api over HTTP/1.1 only (one plaintext
        // port cannot serve both). The gRPC endpoint is bound first, so it is the first of the server's addresses.
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Parse(options.Host), options.Port, listen => listen.Protocols = HttpProtocols.Http2);
            k.Listen(IPAddress.Parse(options.Host), options.ConsolePort, listen => listen.Protocols = HttpProtocols.Http1);
        });

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<MatchEngineOptions>>().Value;
            return new DataLayout(Path.GetFullPath(o.DataDirectory)) { Postgres = o.Postgres };
        });
        builder.Services.AddSingleton(sp => CatalogService.Open(sp.GetRequiredService<DataLayout>(), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton(sp => new CandidatePool(sp.GetRequiredService<CatalogService>().Store));
        builder.Services.AddSingleton(sp => new ModelRegistry(sp.GetRequiredService<DataLayout>().ModelsPath, sp.GetRequiredService<TimeProvider>()));
        var poll = TimeSpan.FromSeconds(options.ModelPollSeconds);
        builder.Services.AddSingleton(sp => RankerModels.Follow(sp.GetRequiredService<ModelRegistry>(), poll));
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<MatchEngineOptions>>().Value.ExactRanking ? RankingCascade.Exhaustive : RankingCascade.Default);
        builder.Services.AddSingleton<ShortlistService>();
        builder.Services.AddSingleton(sp => new SearchAdmission(sp.GetRequiredService<IOptions<MatchEngineOptions>>().Value.SearchConcurrency));
        builder.Services.AddSingleton<CarvingService>();
        builder.Services.AddSingleton(sp => RouteSuccessModels.Follow(sp.GetRequiredService<ModelRegistry>(), poll));
        builder.Services.AddSingleton<LeerwerkService>();
        builder.Services.AddSingleton<AdviceService>();
        builder.Services.AddSingleton(sp => HerinstroomModels.Follow(sp.GetRequiredService<ModelRegistry>(), poll));
        builder.Services.AddSingleton(sp => new HerinstroomScorer(sp.GetRequiredService<CatalogService>().Store, sp.GetRequiredService<PromotedModel<HerinstroomModel>>()));
        builder.Services.AddSingleton(sp => sp.GetRequiredService<DataLayout>().Store.OpenAuditLog());
        if (!string.IsNullOrWhiteSpace(options.Postgres)) builder.Services.AddHostedService<IndexFollower>();
        builder.Services.AddSingleton(sp => new AccessPolicy(sp.GetRequiredService<CatalogService>().Store, sp.GetRequiredService<IAuditLog>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<AccessPolicy>>()));
        builder.Services.AddSingleton<CatalogReads>();
        builder.Services.AddSingleton<MatchingReads>();
        builder.Services.AddSingleton<MaatwerkReads>();
        builder.Services.AddSingleton<AdviceReads>();
        builder.Services.AddSingleton<RiskReads>();
        builder.Services.AddSingleton<SroiReads>();
        builder.Services.AddHostedService<AuditRetention>();
        builder.AddMatchEngineAuth();
        builder.AddMatchEngineConsole();
        builder.Services.AddRateLimiter(o =>
        {
            o.OnRejected = RateLimitRejection.WriteAsync;
            // Per caller (user, or remote address when anonymous): a token bucket refilled every second.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => RateLimitPartition.GetTokenBucketLimiter(
                http.User.Identity?.Name ?? http.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.RateLimitPerSecond, TokensPerPeriod = options.RateLimitPerSecond, ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0, AutoReplenishment = true,
                }));
        });
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<MatchEngineOptions>>().Value.SroiValuationPath is { Length: > 0 } path
            ? SroiValuationTable.Load(path)
            : SroiValuationTable.Default);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<DataLayout>().Store.OpenSroiClaims());
        builder.Services.AddSingleton<SroiService>();
        builder.Services.AddSingleton<ModelRunGate>();
        builder.Services.AddGrpc(o =>
        {
            o.Interceptors.Add<ErrorMappingInterceptor>();
            o.MaxReceiveMessageSize = 4 * 1024 * 1024;
        });
        builder.Services.AddMatchEngineHttpApi();
        builder.Services.AddGrpcReflection();
        builder.Services.AddSingleton<Warmup>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Warmup>());
        builder.Services.AddGrpcHealthChecks().AddCheck<Warmup>("ready");

        var app = builder.Build();
        app.UseMiddleware<GrpcPortOnly>();
        app.UseConsoleBehindTls();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseMiddleware<MalformedRequests>();
        app.MapGrpcService<CatalogGrpcService>();
        app.MapGrpcService<MatchGrpcService>();
        app.MapGrpcService<DevelopmentGrpcService>();
        app.MapGrpcService<RiskGrpcService>();
        app.MapGrpcService<AuditGrpcService>();
        app.MapGrpcService<SroiGrpcService>();
        app.MapGrpcService<ModelsGrpcService>();
        // Probes (load balancers, orchestrators, clients waiting for SERVING) are never refused for their rate.
        app.MapGrpcHealthChecksService().AllowAnonymous().DisableRateLimiting();
        app.MapGrpcReflectionService().RequireAuthorization();
        app.MapMatchEngineConsole();
        app.MapMatchEngineHttpApi();
        return app;
    }
}
