using MatchEngine.Api.Configuration;
using MatchEngine.Api.Grpc;
using MatchEngine.Api.WebConsole;

namespace MatchEngine.Api.Hosting;

/// <summary>Builds the api host: settings, stores, engine services, security, the web console and gRPC, each registered by
/// its own <c>AddMatchEngine…</c> extension, and the request pipeline.</summary>
public static class ApiHost
{
    /// <summary>
    /// Builds the application; <paramref name="configure"/> lets tests override settings. Throws <see cref="SettingsException"/>
    /// when a <c>MatchEngine</c> setting is not one it can start with (<see cref="SettingsCheck"/>).
    /// </summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        if (SettingsCheck.Problems(builder.Configuration) is [_, ..] problems) throw new SettingsException(problems);
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
        app.UseMiddleware<UnreadableRequests>();
        app.UseMiddleware<HttpJsonBodies>();
        app.MapMatchEngineGrpc();
        app.MapMatchEngineConsole();
        app.MapMatchEngineHttpApi();
        return app;
    }

    /// <summary>
    /// Builds the application as <see cref="Build"/> does and reads the options it validates on start; when a setting is one it
    /// cannot start with, writes each problem to stderr as one Dutch line (<c>PROGRAM: instelling MatchEngine:Port moet …</c>)
    /// and returns null, before anything is generated, trained or served.
    /// </summary>
    internal static async Task<WebApplication?> BuildOrRefuseAsync(string program, IReadOnlyList<string> settings, Action<WebApplicationBuilder>? configure = null)
    {
        IReadOnlyList<string> problems;
        try
        {
            var app = Build([.. settings], configure);
            problems = SettingsCheck.StartFailures(app.Services);
            if (problems.Count == 0) return app;
            await app.DisposeAsync();
        }
        catch (SettingsException e)
        {
            problems = e.Problems;
        }
        foreach (var problem in problems) Console.Error.WriteLine($"{program}: {problem}");
        return null;
    }
}
