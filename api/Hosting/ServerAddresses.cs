using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace MatchEngine.Api.Hosting;

/// <summary>The addresses a started host listens on: the gRPC endpoint is bound first, the console's second (see <see cref="ApiHost"/>).</summary>
public static class ServerAddresses
{
    /// <summary>The gRPC address, e.g. <c>http://127.0.0.1:5080</c>.</summary>
    public static string Grpc(IServiceProvider services) => All(services)[0];

    /// <summary>The console's address, e.g. <c>http://127.0.0.1:8080</c>.</summary>
    public static string Console(IServiceProvider services) => All(services)[1];

    private static List<string> All(IServiceProvider services) =>
        [.. services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses];
}
