using Grpc.Net.Client;
using MatchEngine.Api.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;

namespace MatchEngine.Tests.Support;

/// <summary>The real api host on a free loopback port over a temp data directory, with a real gRPC channel.</summary>
public sealed class ApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ApiServer(WebApplication app, TempDirectory dir, GrpcChannel channel)
    {
        _app = app;
        Directory = dir;
        Channel = channel;
    }

    public TempDirectory Directory { get; }
    public GrpcChannel Channel { get; }
    public IServiceProvider Services => _app.Services;

    public static async Task<ApiServer> StartAsync(TempDirectory? dir = null, Action<string>? prepareData = null, TimeProvider? clock = null)
    {
        dir ??= new TempDirectory();
        var data = dir.File("data");
        prepareData?.Invoke(data);
        var app = ApiHost.Build([], b =>
        {
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["MatchEngine:DataDirectory"] = data,
                ["MatchEngine:Port"] = "0",
            });
            if (clock is not null) b.Services.AddSingleton(clock);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ApiServer(app, dir, GrpcChannel.ForAddress(address));
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Dispose();
    }
}
