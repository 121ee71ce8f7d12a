using MatchEngine.Api.Audit;
using MatchEngine.Api.Catalog;
using MatchEngine.Api.Grpc;
using MatchEngine.Api.Maatwerk;
using MatchEngine.Api.Match;
using MatchEngine.Api.ModelLifecycle;
using MatchEngine.Api.Risk;
using MatchEngine.Api.Sroi;
using MatchEngine.Api.WebConsole;

namespace MatchEngine.Api.Hosting;

/// <summary>The gRPC services with their error interceptor, the same services as HTTP/JSON, reflection, and health with the
/// <see cref="Warmup"/> readiness check.</summary>
public static class GrpcRegistration
{
    /// <summary>Registers gRPC (4 MB messages), the HTTP/JSON api, reflection, the warm-up and health checks.</summary>
    public static IServiceCollection AddMatchEngineGrpc(this IServiceCollection services)
    {
        services.AddGrpc(o =>
        {
            o.Interceptors.Add<ErrorMappingInterceptor>();
            o.MaxReceiveMessageSize = GrpcLimits.MaxMessageBytes;
        });
        services.AddMatchEngineHttpApi();
        services.AddGrpcReflection();
        services.AddSingleton<Warmup>();
        services.AddHostedService(sp => sp.GetRequiredService<Warmup>());
        services.AddGrpcHealthChecks().AddCheck<Warmup>("ready");
        return services;
    }

    /// <summary>Maps every gRPC service, health and reflection (signed-in callers only).</summary>
    public static WebApplication MapMatchEngineGrpc(this WebApplication app)
    {
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
        return app;
    }
}
