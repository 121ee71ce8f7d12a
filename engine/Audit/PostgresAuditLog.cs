using MatchEngine.Engine.Store;
using Npgsql;

namespace MatchEngine.Engine.Audit;

/// <summary>
/// The audit trail as a table in the shared PostgreSQL database, so every api replica appends to (and
/// the privacy officer reads) one trail. Times are stored as <c>timestamptz</c>, at microsecond
/// precision. Purges from several replicas are harmless: each removes what is still there. Thread-safe.
/// </summary>
public sealed class PostgresAuditLog : IAuditLog
{
    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Opens the trail in the database named by <paramref name="connectionString"/>, creating its table when missing.</summary>
    public PostgresAuditLog(string connectionString)
    {
        _dataSource = NpgsqlDataSource.Create(connectionString);
        PostgresSchema.Ensure(_dataSource, """
            CREATE TABLE IF NOT EXISTS audit(
                seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at timestamptz NOT NULL, user_name text NOT NULL,
                role text NOT NULL, action text NOT NULL, purpose text NOT NULL, candidate_id text, subject text);
            CREATE INDEX IF NOT EXISTS audit_candidate ON audit(candidate_id);
            CREATE INDEX IF NOT EXISTS audit_user ON audit(user_name);
            CREATE INDEX IF NOT EXISTS audit_at ON audit(at);
            """);
    }

    /// <inheritdoc />
    public async Task RecordAsync(IReadOnlyCollection<AuditEntry> entries)
    {
        if (entries.Count == 0) return;
        // One statement is one transaction; unnest keeps the entries' order for seq.
        await using var cmd = _dataSource.CreateCommand("""
            INSERT INTO audit(at, user_name, role, action, purpose, candidate_id, subject)
            SELECT e.at, e.u, e.r, e.a, e.p, e.c, e.s
            FROM unnest(@at, @user, @role, @action, @purpose, @candidate, @subject) WITH ORDINALITY AS e(at, u, r, a, p, c, s, n)
            ORDER BY e.n
            """);
        cmd.Parameters.AddWithValue("at", entries.Select(e => e.At.ToUniversalTime()).ToArray());
        cmd.Parameters.AddWithValue("user", entries.Select(e => e.User).ToArray());
        cmd.Parameters.AddWithValue("role", entries.Select(e => e.Role).ToArray());
        cmd.Parameters.AddWithValue("action", entries.Select(e => e.Action).ToArray());
        cmd.Parameters.AddWithValue("purpose", entries.Select(e => e.Purpose).ToArray());
        cmd.Parameters.AddWithValue("candidate", entries.Select(e => e.CandidateId).ToArray());
        cmd.Parameters.AddWithValue("subject", entries.Select(e => e.Subject).ToArray());
        await cmd.ExecuteNonQueryAsync();
    }

    /// <inheritdoc />
    public IReadOnlyList<AuditEntry> ForCandidate(string candidateId, int limit = 1000) => Query("candidate_id = @key", candidateId, limit);

    /// <inheritdoc />
    public IReadOnlyList<AuditEntry> ForUser(string user, int limit = 1000) => Query("user_name = @key", user, limit);

    /// <inheritdoc />
    public int Purge(DateTimeOffset before)
    {
        using var cmd = _dataSource.CreateCommand("DELETE FROM audit WHERE at < @before");
        cmd.Parameters.AddWithValue("before", before.ToUniversalTime());
        return cmd.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public void Dispose() => _dataSource.Dispose();

    private List<AuditEntry> Query(string where, string key, int limit)
    {
        using var cmd = _dataSource.CreateCommand(
            $"SELECT at, user_name, role, action, purpose, candidate_id, subject FROM audit WHERE {where} ORDER BY seq DESC LIMIT @limit");
        cmd.Parameters.AddWithValue("key", key);
        cmd.Parameters.AddWithValue("limit", limit);
        using var reader = cmd.ExecuteReader();
        var list = new List<AuditEntry>();
        while (reader.Read())
        {
            list.Add(new AuditEntry(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
        }
        return list;
    }
}
