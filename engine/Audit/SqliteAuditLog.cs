using System.Globalization;
using MatchEngine.Engine.Store;
using Microsoft.Data.Sqlite;

namespace MatchEngine.Engine.Audit;

/// <summary>The audit trail as a table in the store's SQLite file (the embedded, single-process setup). Thread-safe.</summary>
/// <remarks>
/// The trail's writes never checkpoint the store's write-ahead log themselves: their connection has SQLite's
/// automatic checkpoint off, and a timer checkpoints the log every <see cref="CheckpointEvery"/> instead (PASSIVE, so
/// it never waits for, or blocks, a writer). Otherwise the commit that fills the log to SQLite's threshold copies
/// it into the database file and flushes that too, while the callers whose entries it carries, and those queued
/// behind it, wait: under 8 concurrent shortlist callers that made the slowest 1% of the commits take 30 ms or more.
/// A pooled connection cannot carry the setting (the catalog shares the pool), so the writer keeps an unpooled
/// connection of its own.
/// </remarks>
public sealed class SqliteAuditLog : IAuditLog
{
    /// <summary>How often the timer checkpoints the store's write-ahead log.</summary>
    public static readonly TimeSpan CheckpointEvery = TimeSpan.FromSeconds(1);

    private readonly string _connectionString;
    private readonly string _writerConnectionString;
    private readonly GroupCommit<AuditEntry> _commits;
    private readonly Timer _checkpoints;
    private readonly Lock _writerLock = new();
    private SqliteConnection? _writer; // only the group commit's one writer at a time, and Dispose, use it

    public SqliteAuditLog(string storePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(storePath))!);
        _connectionString = StoreConnections.For(storePath);
        _writerConnectionString = StoreConnections.For(storePath, pooled: false);
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
        _checkpoints = new Timer(_ => Checkpoint(), null, CheckpointEvery, CheckpointEvery);
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
            _writer ??= OpenWriter();
            try { Insert(_writer, entries); }
            catch
            {
                _writer.Dispose(); // a failed transaction may leave the connection unusable: the next write opens a new one
                _writer = null;
                throw;
            }
        }
    }

    private SqliteConnection OpenWriter()
    {
        var connection = StoreConnections.Open(_writerConnectionString);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA wal_autocheckpoint=0;";
        cmd.ExecuteNonQuery();
        return connection;
    }

    private static void Insert(SqliteConnection connection, IReadOnlyList<AuditEntry> entries)
    {
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
        using (var stopped = new ManualResetEvent(false))
            if (_checkpoints.Dispose(stopped)) stopped.WaitOne(); // a checkpoint under way finishes first
        lock (_writerLock)
        {
            _writer?.Dispose();
            _writer = null;
        }
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <summary>
    /// Copies the committed write-ahead log into the database file, as far as no reader still needs it. Failures are
    /// left to the next tick: a checkpoint that does not run only lets the log grow meanwhile.
    /// </summary>
    private void Checkpoint()
    {
        try
        {
            using var connection = Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            cmd.ExecuteNonQuery();
        }
        catch (SqliteException)
        {
        }
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
