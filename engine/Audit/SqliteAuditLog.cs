using System.Globalization;
using MatchEngine.Engine.Store;
using Microsoft.Data.Sqlite;

namespace MatchEngine.Engine.Audit;

/// <summary>The audit trail as a table in the store's SQLite file (the embedded, single-process setup). Thread-safe.</summary>
public sealed class SqliteAuditLog : IAuditLog
{
    private readonly string _connectionString;
    private readonly GroupCommit<AuditEntry> _commits;

    public SqliteAuditLog(string storePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(storePath))!);
        _connectionString = StoreConnections.For(storePath);
        _commits = new GroupCommit<AuditEntry>(Write);
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            CREATE TABLE IF NOT EXISTS audit(
                seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, user TEXT NOT NULL, role TEXT NOT NULL,
                action TEXT NOT NULL, purpose TEXT NOT NULL, candidate_id TEXT, subject TEXT);
            CREATE INDEX IF NOT EXISTS audit_candidate ON audit(candidate_id);
            CREATE INDEX IF NOT EXISTS audit_user ON audit(user);
            CREATE INDEX IF NOT EXISTS audit_at ON audit(at);
            """;
        cmd.ExecuteNonQuery();
    }

    /// <inheritdoc />
    /// <remarks>
    /// Concurrent calls share one transaction (<see cref="GroupCommit{T}"/>): SQLite takes one writer at a time and
    /// flushes each commit to disk, so under concurrent shortlists the callers otherwise queue for the write lock one
    /// flush after another. Each call still completes only once its entries are committed.
    /// </remarks>
    public Task RecordAsync(IReadOnlyCollection<AuditEntry> entries) => entries.Count > 0 ? _commits.SubmitAsync(entries) : Task.CompletedTask;

    private void Write(IReadOnlyList<AuditEntry> entries)
    {
        using var connection = Open();
        using var tx = connection.BeginTransaction();
        using var cmd = connection.CreateCommand();
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

    /// <inheritdoc />
    public IReadOnlyList<AuditEntry> ForCandidate(string candidateId, int limit = 1000) => Query("candidate_id = $key", candidateId, limit);

    /// <inheritdoc />
    public IReadOnlyList<AuditEntry> ForUser(string user, int limit = 1000) => Query("user = $key", user, limit);

    /// <inheritdoc />
    public int Purge(DateTimeOffset before)
    {
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "DELETE FROM audit WHERE at < $before";
        cmd.Parameters.AddWithValue("$before", before.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        return cmd.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private List<AuditEntry> Query(string where, string key, int limit)
    {
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT at, user, role, action, purpose, candidate_id, subject FROM audit WHERE {where} ORDER BY seq DESC LIMIT $limit";
        cmd.Parameters.AddWithValue("$key", key);
        cmd.Parameters.AddWithValue("$limit", limit);
        using var reader = cmd.ExecuteReader();
        var list = new List<AuditEntry>();
        while (reader.Read())
        {
            list.Add(new AuditEntry(DateTimeOffset.Parse(reader.GetString(0), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal), reader.GetString(1),
                reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
        }
        return list;
    }

    private SqliteConnection Open() => StoreConnections.Open(_connectionString);
}
