using MatchEngine.Api.Configuration;
using MatchEngine.Api.Demo;
using MatchEngine.Api.Hosting;
using MatchEngine.Training.Cli;
using Microsoft.Extensions.Options;

const string Tool = "matchengine api";
if (args.FirstOrDefault() == "demo") return await Demo.RunAsync(args[1..]);
ApiCommandLine.Parsed parsed;
try
{
    parsed = ApiCommandLine.Parse(args, demo: false);
}
catch (CliUsageException e)
{
    Console.Error.WriteLine($"{Tool}: {e.Message}");
    return 1;
}
if (parsed.Help)
{
    Console.WriteLine(ApiCommandLine.Help(demo: false));
    return 0;
}
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
