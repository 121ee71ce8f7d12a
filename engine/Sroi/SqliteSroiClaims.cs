using MatchEngine.Engine.Persistence;
using Microsoft.Data.Sqlite;

namespace MatchEngine.Engine.Sroi;

/// <summary>The SROI claims as a table in the store's SQLite file (the embedded, single-machine setup). Thread-safe.</summary>
public sealed class SqliteSroiClaims : ISroiClaims
{
    private readonly string _connectionString;

    /// <summary>Opens the claims in the SQLite file at <paramref name="storePath"/>, creating their table when missing.</summary>
    public SqliteSroiClaims(string storePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(storePath))!);
        _connectionString = StoreConnections.For(storePath);
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "CREATE TABLE IF NOT EXISTS sroi_claims(placement_id TEXT PRIMARY KEY, contract_id TEXT NOT NULL)";
        cmd.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> All()
    {
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT placement_id, contract_id FROM sroi_claims";
        using var reader = cmd.ExecuteReader();
        var claims = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read()) claims[reader.GetString(0)] = reader.GetString(1);
        return claims;
    }

    /// <inheritdoc />
    public string TryAdd(string placementId, string contractId)
    {
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        // A claim is never changed afterwards, so the row read back is the one that holds.
        cmd.CommandText = """
            INSERT OR IGNORE INTO sroi_claims(placement_id, contract_id) VALUES ($placement, $contract);
            SELECT contract_id FROM sroi_claims WHERE placement_id = $placement;
            """;
        cmd.Parameters.AddWithValue("$placement", placementId);
        cmd.Parameters.AddWithValue("$contract", contractId);
        return (string)cmd.ExecuteScalar()!;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private SqliteConnection Open() => StoreConnections.Open(_connectionString);
}
