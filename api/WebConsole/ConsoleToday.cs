using MatchEngine.Engine.Catalog;

namespace MatchEngine.Api.WebConsole;

/// <summary>"Today" on the console's pages: the data's date (as the gRPC services take it when a call names none), else the clock's.</summary>
public sealed class ConsoleToday(CatalogService catalog, TimeProvider time)
{
    public DateOnly Date => DataDate.Resolve(null, catalog.Store, time);
}
