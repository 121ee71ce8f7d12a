using MatchEngine.Api.Grpc;
using MatchEngine.Api.WebConsole;

namespace MatchEngine.Api.Hosting;

/// <summary>Builds the api host: settings, stores, engine services, security, the web console and gRPC, each registered by
/// its own <c>AddMatchEngine…</c> extension, and the request pipeline.</summary>
public static class ApiHost
{
    /// <summary>Builds the application; <paramref name="configure"/> lets tests override settings.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args.Where(a => a != "demo").ToArray());
        configure?.Invoke(builder);
        builder.Services.AddMatchEngineOptions(builder.Configuration)
            .AddMatchEngineStores()
            .AddMatchEngineServices()
            .AddMatchEngineSecurity(builder.Configuration);
        builder.AddMatchEngineConsole();
        builder.Services.AddMatchEngineRateLimiting()
            .AddMatchEngineGrpc();

        var app = builder.Build();
        app.UseMiddleware<GrpcPortOnly>();
        app.UseConsoleBehindTls();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseMiddleware<MalformedRequests>();
        app.MapMatchEngineGrpc();
        app.MapMatchEngineConsole();
        app.MapMatchEngineHttpApi();
        return app;
    }
}
