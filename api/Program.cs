using MatchEngine.Api.Hosting;

var app = ApiHost.Build(args);
await app.RunAsync();

/// <summary>Entry point, public for in-process test hosts.</summary>
public partial class Program;
