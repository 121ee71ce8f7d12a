using MatchEngine.Api.Configuration;
using MatchEngine.Api.Demo;
using MatchEngine.Api.Hosting;
using Microsoft.Extensions.Options;

if (args.FirstOrDefault() == "demo") return await Demo.RunAsync(args);
var app = ApiHost.Build(args);
StartupLog.Data(app.Logger, app.Services.GetRequiredService<MatchEngine.Engine.DataLayout>());
var options = app.Services.GetRequiredService<IOptions<MatchEngineOptions>>().Value;
if (BusyPort.Check("matchengine api", options) is { } busy)
{
    Console.Error.WriteLine(busy);
    return 1;
}
try
{
    await app.RunAsync();
}
catch (Exception e) when (BusyPort.IsBindFailure(e))
{
    Console.Error.WriteLine(BusyPort.Message("matchengine api", options.Host, options.Port));
    return 1;
}
return 0;

/// <summary>Entry point, public for in-process test hosts.</summary>
public partial class Program;
