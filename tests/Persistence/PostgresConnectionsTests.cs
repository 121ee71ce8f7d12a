using MatchEngine.Engine.Persistence;
using MatchEngine.Tests.Store;
using Npgsql;

namespace MatchEngine.Tests.Persistence;

/// <summary>
/// The data source of everything kept in PostgreSQL does not reset a pooled connection (no <c>DISCARD ALL</c>, a
/// statement and a transaction per store read), unless the connection string asks for it. Seen on the server: a
/// setting made on a connection is still there when the pool hands the connection out again only if no reset ran.
/// </summary>
public sealed class PostgresConnectionsTests : IDisposable
{
    private readonly PostgresTestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void DataSource_ByDefault_HandsOutPooledConnectionsWithoutResettingThem() =>
        Assert.Equal("set before", SettingAfterReuse(_db.ConnectionString));

    [Fact]
    public void DataSource_ConnectionStringAsksForTheReset_ResetsPooledConnections() =>
        Assert.Equal("", SettingAfterReuse(_db.ConnectionString + ";No Reset On Close=false"));

    [Fact]
    public void DataSource_ConnectionStringSetsNoResetInAnotherSpelling_KeepsItsValue() =>
        Assert.Equal("", SettingAfterReuse(_db.ConnectionString + ";noresetonclose=False"));

    /// <summary>Sets <c>application_name</c> on a pooled connection, hands it back, and reads the setting on the next one.</summary>
    private static string SettingAfterReuse(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 1 };
        using var source = PostgresConnections.DataSource(builder.ConnectionString);
        using (var first = source.OpenConnection())
        using (var set = new NpgsqlCommand("SET application_name = 'set before'", first)) set.ExecuteNonQuery();
        using var second = source.OpenConnection();
        using var show = new NpgsqlCommand("SHOW application_name", second);
        return (string)show.ExecuteScalar()!;
    }
}
