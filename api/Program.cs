using MatchEngine.Api.Hosting;

if (args.FirstOrDefault() == "demo") return await Demo.RunAsync(args);
var app = ApiHost.Build(args);
StartupLog.Data(app.Logger, app.Services.GetRequiredService<MatchEngine.Engine.DataLayout>());
await app.RunAsync();
return 0;

/// <summary>Entry point, public for in-process test hosts.</summary>
public partial class Program;
