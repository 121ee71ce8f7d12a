using MatchEngine.Engine;
using MatchEngine.Engine.Persistence;
using MatchEngine.Engine.Store;
using MatchEngine.Tests.Support;

namespace MatchEngine.Tests.Persistence;

public sealed class StoreLocationTests
{
    private const string Shared = "Host=db.example;Port=5433;Database=region;Username=me;Password=s3cret-pw";

    [Fact]
    public void DataLayout_WithoutPostgres_IsTheSqliteFileUnderTheRoot()
    {
        using var dir = new TempDirectory();
        var layout = new DataLayout(dir.Path);
        Assert.False(layout.Store.IsShared);
        Assert.Equal($"SQLite {layout.StorePath}", layout.Store.ToString());
        using var store = layout.Store.OpenCatalog();
        Assert.IsType<SqliteCatalogStore>(store);
        Assert.True(File.Exists(layout.StorePath));
    }

    [Fact]
    public void DataLayout_WithPostgres_IsSharedAndPrintsNoPassword()
    {
        var layout = new DataLayout("/srv/data") { Postgres = Shared };
        Assert.True(layout.Store.IsShared);
        Assert.Equal("PostgreSQL db.example:5433/region", layout.Store.ToString());
        Assert.DoesNotContain("s3cret", layout.ToString(), StringComparison.Ordinal);
        Assert.Contains("PostgreSQL db.example:5433/region", layout.ToString(), StringComparison.Ordinal);
        Assert.Equal(Path.Combine("/srv/data", "index"), layout.IndexPath);
    }

    [Fact]
    public void DataLayout_EmptyPostgres_MeansSqlite() => Assert.False(new DataLayout("/srv/data") { Postgres = " " }.Store.IsShared);

    [Fact]
    public void Postgres_MalformedConnectionString_FailsBeforeConnecting() =>
        Assert.ThrowsAny<ArgumentException>(() => StoreLocation.Postgres("Host=x;NoSuchKeyword=1"));

    [Fact]
    public void CliContext_PrintsNoPassword()
    {
        var context = new Training.Cli.CliContext("/srv/data", TextWriter.Null, TextWriter.Null, TimeProvider.System, Shared);
        Assert.True(context.Layout.Store.IsShared);
        Assert.DoesNotContain("s3cret", context.ToString(), StringComparison.Ordinal);
    }
}
