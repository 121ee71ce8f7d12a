using MatchEngine.Engine.Persistence;

namespace MatchEngine.Engine.Audit;

/// <summary>Opens the audit trail kept beside the catalog at a <see cref="StoreLocation"/>.</summary>
public static class AuditLogs
{
    /// <summary>Opens the audit trail kept beside the catalog.</summary>
    public static IAuditLog OpenAuditLog(this StoreLocation location) =>
        location.PostgresConnectionString is { } postgres ? new PostgresAuditLog(postgres) : new SqliteAuditLog(location.SqlitePath!);
}
