using MatchEngine.Engine.Audit;
using MatchEngine.Tests.Support;

namespace MatchEngine.Tests.Store;

/// <summary>The audit trail in the store's SQLite file.</summary>
public sealed class SqliteAuditLogTests : AuditLogTests
{
    private readonly TempDirectory _dir = new();

    protected override IAuditLog Open() => new SqliteAuditLog(_dir.File("store.db"));

    public override void Dispose()
    {
        _dir.Dispose();
        base.Dispose();
    }
}
