var builder = WebApplication.CreateBuilder(args);
builder.Services.AddGrpc();
var app = builder.Build();
app.Run();

/// <summary>Entry point, public for in-process test hosts.</summary>
public partial class Program;
