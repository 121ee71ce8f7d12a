using System.Globalization;
using MatchEngine.Engine.Store;
using Microsoft.Data.Sqlite;

namespace MatchEngine.Engine.Audit;

/// <summary>The audit trail as a table in the store's SQLite file (the embedded, single-process setup). Thread-safe.</summary>
public sealed class SqliteAuditLog : IAuditLog
{
    private readonly string _connectionString;
    private readonly GroupCommit<AuditEntry> _commits;
    private readonly Lock _writerLock = new();
    private Writer? _writer; // kept open between writes; only the group commit's one writer uses it

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
        lock (_writerLock)
        {
            _writer ??= new Writer(Open());
            try { _writer.Insert(entries); }
            catch
            {
                _writer.Dispose(); // a failed transaction may leave the connection unusable: the next write opens a new one
                _writer = null;
                throw;
            }
        }
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
        lock (_writerLock)
        {
            _writer?.Dispose();
            _writer = null;
        }
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

    /// <summary>One connection and its prepared insert, reused for every write.</summary>
    private sealed class Writer : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _insert;
        private readonly SqliteParameter[] _values;

        public Writer(SqliteConnection connection)
        {
            _connection = connection;
            _insert = connection.CreateCommand();
            _insert.CommandText = "INSERT INTO audit(at, user, role, action, purpose, candidate_id, subject) VALUES ($at, $user, $role, $action, $purpose, $candidate, $subject)";
            _values = new[] { "$at", "$user", "$role", "$action", "$purpose", "$candidate", "$subject" }.Select(n => _insert.Parameters.Add(n, SqliteType.Text)).ToArray();
        }

        public void Insert(IReadOnlyList<AuditEntry> entries)
        {
            using var tx = _connection.BeginTransaction();
            _insert.Transaction = tx;
            foreach (var e in entries)
            {
                _values[0].Value = e.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
                _values[1].Value = e.User;
                _values[2].Value = e.Role;
                _values[3].Value = e.Action;
                _values[4].Value = e.Purpose;
                _values[5].Value = (object?)e.CandidateId ?? DBNull.Value;
                _values[6].Value = (object?)e.Subject ?? DBNull.Value;
                _insert.ExecuteNonQuery();
            }
            tx.Commit();
        }

        public void Dispose()
        {
            _insert.Dispose();
            _connection.Dispose();
        }
    }
}
