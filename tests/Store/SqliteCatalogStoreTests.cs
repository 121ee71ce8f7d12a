using MatchEngine.Engine.Store;
using MatchEngine.Tests.Support;

namespace MatchEngine.Tests.Store;

/// <summary>The store contract against the embedded SQLite store, one temp file per test.</summary>
public sealed class SqliteCatalogStoreTests : CatalogStoreTests
{
    private readonly TempDirectory _dir = new();

    protected override ICatalogStore Open() => new SqliteCatalogStore(_dir.File("s.db"));

    public override void Dispose()
    {
        _dir.Dispose();
        base.Dispose();
    }
}
