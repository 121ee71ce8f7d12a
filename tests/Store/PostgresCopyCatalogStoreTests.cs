using MatchEngine.Engine.Store;

namespace MatchEngine.Tests.Store;

/// <summary>
/// The store contract against PostgreSQL with every upsert sent by COPY into the staging table (threshold 0),
/// so the bulk path keeps the same semantics as the array path small writes take.
/// </summary>
public sealed class PostgresCopyCatalogStoreTests : CatalogStoreTests
{
    private readonly PostgresTestDatabase _db = new();

    protected override ICatalogStore Open() => new PostgresCatalogStore(_db.ConnectionString, copyThreshold: 0);

    public override void Dispose()
    {
        _db.Dispose();
        base.Dispose();
    }
}
