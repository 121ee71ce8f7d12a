using Npgsql;

namespace MatchEngine.Engine.Persistence;

/// <summary>
/// Creates tables on open. <c>CREATE TABLE IF NOT EXISTS</c> is not safe against itself when two
/// replicas start at once (both may try to create the table's type), so the statements run in one
/// transaction holding a database-wide advisory lock.
/// </summary>
internal static class PostgresSchema
{
    /// <summary>The advisory lock key every MatchEngine schema change takes (an arbitrary constant).</summary>
    private const long LockKey = 0x4D45_5343_4845_4D41; // "MESCHEMA"

    /// <summary>Runs <paramref name="ddl"/> (idempotent statements) under the schema lock.</summary>
    public static void Ensure(NpgsqlDataSource dataSource, string ddl)
    {
        using var connection = dataSource.OpenConnection();
        using var tx = connection.BeginTransaction();
        using (var lockCmd = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, tx))
        {
            lockCmd.Parameters.AddWithValue("key", LockKey);
            lockCmd.ExecuteNonQuery();
        }
        using (var cmd = new NpgsqlCommand(ddl, connection, tx)) cmd.ExecuteNonQuery();
        tx.Commit();
    }
}
