using MatchEngine.Engine.Persistence;
using Npgsql;

namespace MatchEngine.Engine.Sroi;

/// <summary>The SROI claims as a table in the shared PostgreSQL database, so every api replica and CLI run sees one set. Thread-safe.</summary>
public sealed class PostgresSroiClaims : ISroiClaims
{
    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Opens the claims in the database named by <paramref name="connectionString"/>, creating their table when missing.</summary>
    public PostgresSroiClaims(string connectionString)
    {
        _dataSource = PostgresConnections.DataSource(connectionString);
        PostgresSchema.Ensure(_dataSource, "CREATE TABLE IF NOT EXISTS sroi_claims(placement_id text PRIMARY KEY, contract_id text NOT NULL)");
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> All()
    {
        using var cmd = _dataSource.CreateCommand("SELECT placement_id, contract_id FROM sroi_claims");
        using var reader = cmd.ExecuteReader();
        var claims = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read()) claims[reader.GetString(0)] = reader.GetString(1);
        return claims;
    }

    /// <inheritdoc />
    public string TryAdd(string placementId, string contractId)
    {
        using var connection = _dataSource.OpenConnection();
        using (var insert = new NpgsqlCommand("INSERT INTO sroi_claims(placement_id, contract_id) VALUES (@placement, @contract) ON CONFLICT (placement_id) DO NOTHING", connection))
        {
            insert.Parameters.AddWithValue("placement", placementId);
            insert.Parameters.AddWithValue("contract", contractId);
            insert.ExecuteNonQuery();
        }
        // A claim is never changed afterwards, so the row read back is the one that holds.
        using var read = new NpgsqlCommand("SELECT contract_id FROM sroi_claims WHERE placement_id = @placement", connection);
        read.Parameters.AddWithValue("placement", placementId);
        return (string)read.ExecuteScalar()!;
    }

    /// <inheritdoc />
    public void Dispose() => _dataSource.Dispose();
}
