using MatchEngine.Engine.Audit;
using MatchEngine.Engine.Sroi;
using Npgsql;

namespace MatchEngine.Engine.Store;

/// <summary>
/// Where the catalog store, the audit trail and the SROI claims live: the embedded SQLite file under a data directory
/// (one process), or a shared PostgreSQL database (several api replicas and CLI runs at once). The
/// derived Lucene index is never here: it stays local to each process's data directory. Immutable;
/// <see cref="ToString"/> never shows a password.
/// </summary>
public sealed class StoreLocation
{
    private readonly string? _sqlitePath;
    private readonly string? _postgres;

    private StoreLocation(string? sqlitePath, string? postgres) => (_sqlitePath, _postgres) = (sqlitePath, postgres);

    /// <summary>The SQLite file at <paramref name="path"/> (created when missing).</summary>
    public static StoreLocation Sqlite(string path) => new(Path.GetFullPath(path), null);

    /// <summary>The PostgreSQL database named by an Npgsql <paramref name="connectionString"/> (tables created when missing).</summary>
    public static StoreLocation Postgres(string connectionString)
    {
        _ = new NpgsqlConnectionStringBuilder(connectionString); // fails early on a malformed string
        return new(null, connectionString);
    }

    /// <summary>True for a database several processes share (their indexes must follow it by polling).</summary>
    public bool IsShared => _postgres is not null;

    /// <summary>Opens the catalog store.</summary>
    public ICatalogStore OpenCatalog() => _postgres is null ? new SqliteCatalogStore(_sqlitePath!) : new PostgresCatalogStore(_postgres);

    /// <summary>Opens the audit trail kept beside the catalog.</summary>
    public IAuditLog OpenAuditLog() => _postgres is null ? new SqliteAuditLog(_sqlitePath!) : new PostgresAuditLog(_postgres);

    /// <summary>Opens the SROI claims kept beside the catalog.</summary>
    public ISroiClaims OpenSroiClaims() => _postgres is null ? new SqliteSroiClaims(_sqlitePath!) : new PostgresSroiClaims(_postgres);

    /// <summary>The kind and place, without credentials.</summary>
    public override string ToString()
    {
        if (_postgres is null) return $"SQLite {_sqlitePath}";
        var b = new NpgsqlConnectionStringBuilder(_postgres);
        return $"PostgreSQL {b.Host}:{b.Port}/{b.Database}";
    }
}
