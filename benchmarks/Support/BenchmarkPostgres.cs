using Npgsql;

namespace MatchEngine.Benchmarks.Support;

/// <summary>
/// The PostgreSQL server the benchmarks use: MATCHENGINE_TEST_POSTGRES, or the local cluster <c>tests/run.sh</c>
/// prepares. Databases are made fresh by name and dropped afterwards.
/// </summary>
internal static class BenchmarkPostgres
{
    private static readonly NpgsqlConnectionStringBuilder Server = new(
        Environment.GetEnvironmentVariable("MATCHENGINE_TEST_POSTGRES") is { Length: > 0 } configured
            ? configured
            : "Host=127.0.0.1;Port=5432;Username=postgres;Password=matchengine");

    /// <summary>The connection string of database <paramref name="name"/> on the server.</summary>
    public static string Database(string name) => new NpgsqlConnectionStringBuilder(Server.ConnectionString) { Database = name }.ConnectionString;

    /// <summary>Drops database <paramref name="name"/> if it exists (closing its connections) and creates it empty.</summary>
    public static void Recreate(string name)
    {
        Run($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        Run($"CREATE DATABASE {name}");
    }

    /// <summary>Drops database <paramref name="name"/> if it exists.</summary>
    public static void Drop(string name) => Run($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");

    /// <summary>Runs <paramref name="sql"/> on an unpooled connection to <paramref name="database"/>.</summary>
    public static void Run(string sql, string database = "postgres")
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Database(database)) { Pooling = false }.ConnectionString);
        connection.Open();
        using var cmd = new NpgsqlCommand(sql, connection);
        cmd.ExecuteNonQuery();
    }
}
