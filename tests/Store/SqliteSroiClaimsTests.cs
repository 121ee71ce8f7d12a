using MatchEngine.Engine.Sroi;
using MatchEngine.Tests.Support;

namespace MatchEngine.Tests.Store;

/// <summary>The SROI claims in the store's SQLite file.</summary>
public sealed class SqliteSroiClaimsTests : SroiClaimsTests
{
    private readonly TempDirectory _dir = new();

    protected override ISroiClaims Open() => new SqliteSroiClaims(_dir.File("store.db"));

    public override void Dispose()
    {
        _dir.Dispose();
        base.Dispose();
    }
}
