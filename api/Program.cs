using MatchEngine.Api.Configuration;
using MatchEngine.Api.Demo;
using MatchEngine.Api.Hosting;
using Microsoft.Extensions.Options;

const string Tool = "matchengine api";
if (args.FirstOrDefault() == "demo") return await Demo.RunAsync(args[1..]);
var (parsed, answered) = ApiCommandLine.ParseOrAnswer(Tool, args, demo: false);
if (parsed is null) return answered;
if (await ApiHost.BuildOrRefuseAsync(Tool, parsed.Settings) is not { } app) return 1;
StartupLog.Data(app.Logger, app.Services.GetRequiredService<MatchEngine.Engine.DataLayout>());
var options = app.Services.GetRequiredService<IOptions<MatchEngineOptions>>().Value;
if (BusyPort.Check(Tool, options) is { } busy)
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
    Console.Error.WriteLine(BusyPort.Message(Tool, options.Host, options.Port));
    return 1;
}
return 0;

/// <summary>Entry point, public for in-process test hosts.</summary>
public partial class Program;
