using Npgsql;

namespace MatchEngine.Tests.Store;

/// <summary>
/// A fresh PostgreSQL database with a unique name, created on the server named by
/// <c>MATCHENGINE_TEST_POSTGRES</c> (default <see cref="DefaultServer"/>; <c>tests/run.sh</c> starts it)
/// and dropped on dispose. An unreachable server fails the test with a message saying how to start one:
/// these tests never skip.
/// </summary>
public sealed class PostgresTestDatabase : IDisposable
{
    /// <summary>The environment variable naming the test server (an Npgsql connection string with rights to create databases).</summary>
    public const string Variable = "MATCHENGINE_TEST_POSTGRES";

    /// <summary>The server <c>tests/run.sh</c> prepares: the local cluster over TCP.</summary>
    public const string DefaultServer = "Host=127.0.0.1;Port=5432;Username=postgres;Password=matchengine";

    private readonly string _server;

    public PostgresTestDatabase(string? server = null)
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        _server = server ?? (string.IsNullOrWhiteSpace(configured) ? DefaultServer : configured);
        Name = $"matchengine_test_{Guid.NewGuid():N}";
        Admin($"CREATE DATABASE {Name}");
        ConnectionString = new NpgsqlConnectionStringBuilder(_server) { Database = Name }.ConnectionString;
    }

    /// <summary>The database's name (unique per instance).</summary>
    public string Name { get; }

    /// <summary>An Npgsql connection string of this database.</summary>
    public string ConnectionString { get; }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        // FORCE ends sessions a failed test may have left open (PostgreSQL 13+).
        Admin($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    private void Admin(string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(_server) { Database = "postgres", Pooling = false, Timeout = 5 };
        try
        {
            using var connection = new NpgsqlConnection(builder.ConnectionString);
            connection.Open();
            using var cmd = new NpgsqlCommand(sql, connection);
            cmd.ExecuteNonQuery();
        }
        catch (NpgsqlException e)
        {
            throw new InvalidOperationException(
                $"The PostgreSQL test server {builder.Host}:{builder.Port} (user {builder.Username}) is not usable: {e.Message}. " +
                $"Run the tests through `bash tests/run.sh`, which installs and starts PostgreSQL, or set {Variable} to a server " +
                "where this user may create databases.", e);
        }
    }
}
