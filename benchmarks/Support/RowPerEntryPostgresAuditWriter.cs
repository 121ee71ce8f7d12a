using MatchEngine.Engine.Audit;
using Npgsql;

namespace MatchEngine.Benchmarks.Support;

/// <summary>
/// The one-row-per-entry shape of the PostgreSQL audit trail's write (as in `git show 154b01a:engine/Audit/PostgresAuditLog.cs`):
/// one row per entry in the table <c>audit</c>, indexed by candidate, user and time, all entries in one statement.
/// The baseline of <see cref="PostgresAuditTrailBenchmarks"/>.
/// </summary>
internal sealed class RowPerEntryPostgresAuditWriter : IDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    public RowPerEntryPostgresAuditWriter(string connectionString)
    {
        _dataSource = NpgsqlDataSource.Create(connectionString);
        using var cmd = _dataSource.CreateCommand("""
            CREATE TABLE IF NOT EXISTS audit(
                seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at timestamptz NOT NULL, user_name text NOT NULL,
                role text NOT NULL, action text NOT NULL, purpose text NOT NULL, candidate_id text, subject text);
            CREATE INDEX IF NOT EXISTS audit_candidate ON audit(candidate_id);
            CREATE INDEX IF NOT EXISTS audit_user ON audit(user_name);
            CREATE INDEX IF NOT EXISTS audit_at ON audit(at);
            """);
        cmd.ExecuteNonQuery();
    }

    /// <summary>Writes the entries in one statement (one transaction), one row each.</summary>
    public async Task RecordAsync(IReadOnlyCollection<AuditEntry> entries)
    {
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

    public void Dispose() => _dataSource.Dispose();
}
