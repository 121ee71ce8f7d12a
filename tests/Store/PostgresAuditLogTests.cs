using MatchEngine.Engine.Audit;
using Npgsql;

namespace MatchEngine.Tests.Store;

/// <summary>The audit trail in a shared PostgreSQL database, one fresh database per test.</summary>
public sealed class PostgresAuditLogTests : AuditLogTests
{
    private readonly PostgresTestDatabase _db = new();

    protected override IAuditLog Open() => new PostgresAuditLog(_db.ConnectionString);

    protected override void WriteRowsPerEntry(params AuditEntry[] entries)
    {
        using var connection = new NpgsqlConnection(_db.ConnectionString);
        connection.Open();
        using var cmd = new NpgsqlCommand("""
            CREATE TABLE audit(
                seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at timestamptz NOT NULL, user_name text NOT NULL,
                role text NOT NULL, action text NOT NULL, purpose text NOT NULL, candidate_id text, subject text);
            """, connection);
        cmd.ExecuteNonQuery();
        cmd.CommandText = "INSERT INTO audit(at, user_name, role, action, purpose, candidate_id, subject) VALUES (@at, @user, @role, @action, @purpose, @candidate, @subject)";
        foreach (var e in entries)
        {
            cmd.Parameters.Clear();
            cmd.Parameters.AddWithValue("at", e.At.ToUniversalTime());
            cmd.Parameters.AddWithValue("user", e.User);
            cmd.Parameters.AddWithValue("role", e.Role);
            cmd.Parameters.AddWithValue("action", e.Action);
            cmd.Parameters.AddWithValue("purpose", e.Purpose);
            cmd.Parameters.Add(new NpgsqlParameter("candidate", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)e.CandidateId ?? DBNull.Value });
            cmd.Parameters.Add(new NpgsqlParameter("subject", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)e.Subject ?? DBNull.Value });
            cmd.ExecuteNonQuery();
        }
    }

    public override void Dispose()
    {
        _db.Dispose();
        base.Dispose();
    }
}
