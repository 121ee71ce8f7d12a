using Npgsql;

namespace MatchEngine.Engine.Persistence;

/// <summary>
/// Where the catalog store, the audit trail and the SROI claims live: the embedded SQLite file under a data directory
/// (one process), or a shared PostgreSQL database (several api replicas and CLI runs at once). The
/// derived Lucene index is never here: it stays local to each process's data directory. Each kind of record opens
/// its own store here (<c>OpenCatalog</c>, <c>OpenAuditLog</c>, <c>OpenSroiClaims</c>, in their folders). Immutable;
/// <see cref="ToString"/> never shows a password.
/// </summary>
public sealed class StoreLocation
{
    private StoreLocation(string? sqlitePath, string? postgres) => (SqlitePath, PostgresConnectionString) = (sqlitePath, postgres);

    /// <summary>The SQLite file, or null for PostgreSQL.</summary>
    internal string? SqlitePath { get; }

    /// <summary>The Npgsql connection string, or null for SQLite.</summary>
    internal string? PostgresConnectionString { get; }

    /// <summary>The SQLite file at <paramref name="path"/> (created when missing).</summary>
    public static StoreLocation Sqlite(string path) => new(Path.GetFullPath(path), null);

    /// <summary>The PostgreSQL database named by an Npgsql <paramref name="connectionString"/> (tables created when missing).</summary>
    public static StoreLocation Postgres(string connectionString)
    {
        _ = new NpgsqlConnectionStringBuilder(connectionString); // fails early on a malformed string
        return new(null, connectionString);
    }

    /// <summary>True for a database several processes share (their indexes must follow it by polling).</summary>
    public bool IsShared => PostgresConnectionString is not null;

    /// <summary>The kind and place, without credentials.</summary>
    public override string ToString()
    {
        if (PostgresConnectionString is null) return $"SQLite {SqlitePath}";
        var b = new NpgsqlConnectionStringBuilder(PostgresConnectionString);
        return $"PostgreSQL {b.Host}:{b.Port}/{b.Database}";
    }
}
