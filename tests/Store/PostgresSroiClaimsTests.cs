using MatchEngine.Engine.Sroi;

namespace MatchEngine.Tests.Store;

/// <summary>The SROI claims in a shared PostgreSQL database, one fresh database per test.</summary>
public sealed class PostgresSroiClaimsTests : SroiClaimsTests
{
    private readonly PostgresTestDatabase _db = new();

    protected override ISroiClaims Open() => new PostgresSroiClaims(_db.ConnectionString);

    public override void Dispose()
    {
        _db.Dispose();
        base.Dispose();
    }
}
