using MatchEngine.Engine.Persistence;

namespace MatchEngine.Engine.Store;

/// <summary>Opens the catalog store at a <see cref="StoreLocation"/>.</summary>
public static class CatalogStores
{
    /// <summary>Opens the catalog store.</summary>
    public static ICatalogStore OpenCatalog(this StoreLocation location) =>
        location.PostgresConnectionString is { } postgres ? new PostgresCatalogStore(postgres) : new SqliteCatalogStore(location.SqlitePath!);
}
