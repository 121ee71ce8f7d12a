using Microsoft.Data.Sqlite;

namespace MatchEngine.Engine.Persistence;

/// <summary>
/// Connections to the store's SQLite file, opened the same way by everything kept in it (catalog, audit trail, SROI
/// claims): every commit flushed to disk before it returns (<c>synchronous=FULL</c>), and waiting up to 5 s for
/// another writer's lock instead of failing at once. Pooled, except for a connection that carries settings of its
/// own (the audit trail's writer), which must not reach the others through the pool.
/// </summary>
internal static class StoreConnections
{
    /// <summary>The connection string for the SQLite file at <paramref name="path"/>.</summary>
    public static string For(string path, bool pooled = true) => new SqliteConnectionStringBuilder { DataSource = path, Pooling = pooled }.ToString();

    /// <summary>An open connection with the store's settings.</summary>
    public static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;";
        cmd.ExecuteNonQuery();
        return connection;
    }
}
