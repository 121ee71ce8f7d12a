using System.Net;
using MatchEngine.Api.Configuration;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace MatchEngine.Api.Hosting;

/// <summary>The api's settings (<see cref="MatchEngineOptions"/>), validated on start, and the Kestrel endpoints they name.</summary>
public static class OptionsRegistration
{
    /// <summary>Binds and validates <see cref="MatchEngineOptions"/> (by <see cref="SettingsCheck"/>), and listens where they say.</summary>
    public static IServiceCollection AddMatchEngineOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MatchEngineOptions>().Bind(configuration.GetSection(MatchEngineOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MatchEngineOptions>, MatchEngineOptionsValidator>();
        // Two ports: gRPC over HTTP/2 only, and the web console with the HTTP/JSON api over HTTP/1.1 only (one plaintext
        // port cannot serve both). The gRPC endpoint is bound first, so it is the first of the server's addresses.
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<MatchEngineOptions>>((kestrel, settings) =>
        {
            var o = settings.Value;
            kestrel.Listen(IPAddress.Parse(o.Host), o.Port, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Listen(IPAddress.Parse(o.Host), o.ConsolePort, listen => listen.Protocols = HttpProtocols.Http1);
        });
        return services;
    }
}
