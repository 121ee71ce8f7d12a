using MatchEngine.Engine.Catalog;

namespace MatchEngine.Api.WebConsole;

/// <summary>"Today" on the console's pages: the data's date (as the gRPC services take it when a call names none), else the clock's (<see cref="DataToday"/>).</summary>
public sealed class ConsoleToday(CatalogService catalog, TimeProvider time)
{
    private readonly DataToday _today = new(catalog.Store, time);

    public DateOnly Date => _today.Date;
}
