using System.Data.Common;
using Npgsql;

namespace MatchEngine.Engine.Persistence;

/// <summary>
/// The pooled data source everything kept in PostgreSQL (catalog, audit trail, SROI claims) opens its connections
/// from. A connection handed back to Npgsql's pool is not reset (<c>No Reset On Close</c>): by default Npgsql sends
/// <c>DISCARD ALL</c> before the connection's next command, one more statement and transaction in the server for
/// every store read, which would double the transactions of a shortlist. Nothing of ours leaves state on a session to
/// reset: no <c>SET</c>, the staging table is dropped on commit, the schema lock is transaction-scoped, and Npgsql
/// still rolls back a transaction left open. A connection string that sets <c>No Reset On Close</c> itself keeps
/// its own value.
/// </summary>
internal static class PostgresConnections
{
    /// <summary>A data source for <paramref name="connectionString"/> with the store's defaults where it sets none.</summary>
    public static NpgsqlDataSource DataSource(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Sets(connectionString, "noresetonclose")) builder.NoResetOnClose = true;
        return NpgsqlDataSource.Create(builder.ConnectionString);
    }

    /// <summary>Whether <paramref name="connectionString"/> names <paramref name="keyword"/> (lower case, no spaces), in any spelling Npgsql accepts.</summary>
    private static bool Sets(string connectionString, string keyword) =>
        new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Any(k => string.Equals(k.Replace(" ", ""), keyword, StringComparison.OrdinalIgnoreCase));
}
