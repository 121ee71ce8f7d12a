namespace MatchEngine.Tests.Store;

public sealed class PostgresTestDatabaseTests
{
    [Fact]
    public void Create_ServerUnreachable_FailsNamingTheServerAndHowToStartIt()
    {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        var e = Assert.Throws<InvalidOperationException>(() => new PostgresTestDatabase("Host=127.0.0.1;Port=1;Username=postgres;Password=x"));
        Assert.Contains("127.0.0.1:1", e.Message, StringComparison.Ordinal);
        Assert.Contains("tests/run.sh", e.Message, StringComparison.Ordinal);
        Assert.Contains(PostgresTestDatabase.Variable, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dispose_DropsTheDatabase()
    {
        string name;
        using (var db = new PostgresTestDatabase()) name = db.Name;
        using var probe = new PostgresTestDatabase();
        using var connection = new Npgsql.NpgsqlConnection(probe.ConnectionString);
        connection.Open();
        using var cmd = new Npgsql.NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
        cmd.Parameters.AddWithValue("name", name);
        Assert.Equal(0L, cmd.ExecuteScalar());
    }
}
