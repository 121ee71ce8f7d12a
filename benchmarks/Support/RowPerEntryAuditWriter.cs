using System.Globalization;
using MatchEngine.Engine.Audit;
using MatchEngine.Engine.Persistence;
using Microsoft.Data.Sqlite;

namespace MatchEngine.Benchmarks.Support;

/// <summary>
/// The one-row-per-entry shape of the SQLite audit trail's write (as in `git show 154b01a:engine/Audit/SqliteAuditLog.cs`):
/// one row per entry in the table <c>audit</c>, indexed by candidate, user and time, on an unpooled connection with
/// SQLite's automatic checkpoint off. The baseline of <see cref="AuditTrailBenchmarks"/>; <see cref="SqliteAuditLog"/>
/// reads stores that hold such rows.
/// </summary>
internal sealed class RowPerEntryAuditWriter : IDisposable
{
    private readonly SqliteConnection _connection;

    public RowPerEntryAuditWriter(string storePath)
    {
        _connection = StoreConnections.Open(StoreConnections.For(storePath, pooled: false));
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = """
            PRAGMA wal_autocheckpoint=0;
            CREATE TABLE IF NOT EXISTS audit(
                seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, user TEXT NOT NULL, role TEXT NOT NULL,
                action TEXT NOT NULL, purpose TEXT NOT NULL, candidate_id TEXT, subject TEXT);
            CREATE INDEX IF NOT EXISTS audit_candidate ON audit(candidate_id);
            CREATE INDEX IF NOT EXISTS audit_user ON audit(user);
            CREATE INDEX IF NOT EXISTS audit_at ON audit(at);
            """;
        cmd.ExecuteNonQuery();
    }

    /// <summary>Writes the entries in one transaction, one row each.</summary>
    public void Write(IReadOnlyList<AuditEntry> entries)
    {
        using var tx = _connection.BeginTransaction();
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT INTO audit(at, user, role, action, purpose, candidate_id, subject) VALUES ($at, $user, $role, $action, $purpose, $candidate, $subject)";
        var p = new[] { "$at", "$user", "$role", "$action", "$purpose", "$candidate", "$subject" }.Select(n => cmd.Parameters.Add(n, SqliteType.Text)).ToArray();
        foreach (var e in entries)
        {
            p[0].Value = e.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
            p[1].Value = e.User;
            p[2].Value = e.Role;
            p[3].Value = e.Action;
            p[4].Value = e.Purpose;
            p[5].Value = (object?)e.CandidateId ?? DBNull.Value;
            p[6].Value = (object?)e.Subject ?? DBNull.Value;
            cmd.ExecuteNonQuery();
        }
        tx.Commit();
    }

    public void Dispose() => _connection.Dispose();
}
