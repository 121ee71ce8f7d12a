using MatchEngine.Engine.Store;

namespace MatchEngine.Tests.Store;

/// <summary>The store contract against PostgreSQL, one fresh database per test.</summary>
public sealed class PostgresCatalogStoreTests : CatalogStoreTests
{
    private readonly PostgresTestDatabase _db = new();

    protected override ICatalogStore Open() => new PostgresCatalogStore(_db.ConnectionString);

    public override void Dispose()
    {
        _db.Dispose();
        base.Dispose();
    }
}
