using MatchEngine.Engine.Audit;

namespace MatchEngine.Tests.Store;

/// <summary>The audit trail in a shared PostgreSQL database, one fresh database per test.</summary>
public sealed class PostgresAuditLogTests : AuditLogTests
{
    private readonly PostgresTestDatabase _db = new();

    protected override IAuditLog Open() => new PostgresAuditLog(_db.ConnectionString);

    public override void Dispose()
    {
        _db.Dispose();
        base.Dispose();
    }
}
