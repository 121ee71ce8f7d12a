using System.Globalization;
using System.Text.Json;
using MatchEngine.Engine.Persistence;
using Microsoft.Data.Sqlite;

namespace MatchEngine.Engine.Audit;

/// <summary>The audit trail as tables in the store's SQLite file (the embedded, single-process setup). Thread-safe.</summary>
/// <remarks>
/// <para>
/// One row per call (<c>audit_calls</c>), with the call's candidates as a JSON array in it, and a contentless FTS5
/// index of the calls by candidate (<c>audit_calls_by_candidate</c>, words from <see cref="CandidateTokens"/>). A
/// shortlist of 20 candidates is one row and one index entry, where one row per candidate would write 20 rows and 60
/// index entries at random places in three B-trees; FTS5 collects a transaction's words in memory and writes them
/// as one segment at the commit. A store may also hold rows of the one-per-entry table <c>audit</c>: they are read
/// after the calls and purged with them, never rewritten.
/// </para>
/// <para>
/// The trail's writes never checkpoint the store's write-ahead log themselves: their connection has SQLite's
/// automatic checkpoint off, and a timer checkpoints the log every <see cref="CheckpointEvery"/> instead (PASSIVE, so
/// it never waits for, or blocks, a writer). Otherwise the commit that fills the log to SQLite's threshold copies
/// it into the database file and flushes that too, while the callers whose entries it carries, and those queued
/// behind it, wait: under 8 concurrent shortlist callers that made the slowest 1% of the commits take 30 ms or more.
/// A pooled connection cannot carry the setting (the catalog shares the pool), so the writer keeps an unpooled
/// connection of its own.
/// </para>
/// </remarks>
public sealed class SqliteAuditLog : IAuditLog
{
    /// <summary>How often the timer checkpoints the store's write-ahead log.</summary>
    public static readonly TimeSpan CheckpointEvery = TimeSpan.FromSeconds(1);

    private const string Columns = "at, user, role, action, purpose, subject";

    private readonly string _connectionString;
    private readonly string _writerConnectionString;
    private readonly bool _hasRowsPerEntry;
    private readonly GroupCommit<AuditCall> _commits;
    private readonly Timer _checkpoints;
    private readonly Lock _writerLock = new();
    private SqliteAuditWriter? _writer; // only the group commit's one writer at a time, and Dispose, use it

    public SqliteAuditLog(string storePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(storePath))!);
        _connectionString = StoreConnections.For(storePath);
        _writerConnectionString = StoreConnections.For(storePath, pooled: false);
        _commits = new GroupCommit<AuditCall>(Write);
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            CREATE TABLE IF NOT EXISTS audit_calls(
                seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, user TEXT NOT NULL, role TEXT NOT NULL,
                action TEXT NOT NULL, purpose TEXT NOT NULL, subject TEXT, candidates TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS audit_calls_user ON audit_calls(user);
            CREATE INDEX IF NOT EXISTS audit_calls_at ON audit_calls(at);
            CREATE VIRTUAL TABLE IF NOT EXISTS audit_calls_by_candidate
                USING fts5(words, content='', contentless_delete=1, detail=none, tokenize='ascii');
            SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'audit';
            """;
        _hasRowsPerEntry = (long)cmd.ExecuteScalar()! > 0;
        _checkpoints = new Timer(_ => Checkpoint(), null, CheckpointEvery, CheckpointEvery);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Concurrent calls share one transaction (<see cref="GroupCommit{T}"/>): SQLite takes one writer at a time and
    /// flushes each commit to disk, so under concurrent shortlists the callers otherwise queue for the write lock one
    /// flush after another. Each call still completes only once its entries are committed. The entries are grouped
    /// into calls here, on the caller's thread, so the one writer that every caller waits for only writes.
    /// </remarks>
    public Task RecordAsync(IReadOnlyCollection<AuditEntry> entries) => entries.Count > 0 ? _commits.SubmitAsync(AuditCall.Group(entries)) : Task.CompletedTask;

    private void Write(IReadOnlyList<AuditCall> calls)
    {
        lock (_writerLock)
        {
            _writer ??= new SqliteAuditWriter(_writerConnectionString);
            try { _writer.Write(calls); }
            catch
            {
                _writer.Dispose(); // a failed transaction may leave the connection unusable: the next write opens a new one
                _writer = null;
                throw;
            }
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<AuditEntry> ForCandidate(string candidateId, int limit = 1000, int offset = 0)
    {
        var wanted = Wanted(limit, offset);
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        // Each call found holds at least one entry about the candidate, so `wanted` calls are enough.
        cmd.CommandText = $"""
            SELECT {Columns}, candidates FROM audit_calls WHERE seq IN (
                SELECT rowid FROM audit_calls_by_candidate WHERE audit_calls_by_candidate MATCH $words ORDER BY rowid DESC LIMIT $limit)
            ORDER BY seq DESC
            """;
        cmd.Parameters.AddWithValue("$words", CandidateTokens.Query(candidateId));
        cmd.Parameters.AddWithValue("$limit", wanted);
        var entries = ReadCalls(cmd, wanted, candidateId);
        if (_hasRowsPerEntry && entries.Count < wanted) entries.AddRange(ReadRowsPerEntry(connection, "candidate_id = $key", candidateId, wanted - entries.Count));
        return [.. entries.Skip(offset)];
    }

    /// <inheritdoc />
    public IReadOnlyList<AuditEntry> ForUser(string user, int limit = 1000, int offset = 0)
    {
        var wanted = Wanted(limit, offset);
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {Columns}, candidates FROM audit_calls WHERE user = $user ORDER BY seq DESC LIMIT $limit";
        cmd.Parameters.AddWithValue("$user", user);
        cmd.Parameters.AddWithValue("$limit", wanted);
        var entries = ReadCalls(cmd, wanted, candidateId: null);
        if (_hasRowsPerEntry && entries.Count < wanted) entries.AddRange(ReadRowsPerEntry(connection, "user = $key", user, wanted - entries.Count));
        return [.. entries.Skip(offset)];
    }

    /// <inheritdoc />
    public int CountForCandidate(string candidateId)
    {
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        // The index finds the calls; a call may hold the candidate more than once, so their ids are counted, not the calls.
        cmd.CommandText = """
            SELECT count(*) FROM audit_calls, json_each(audit_calls.candidates) AS id
            WHERE audit_calls.seq IN (SELECT rowid FROM audit_calls_by_candidate WHERE audit_calls_by_candidate MATCH $words) AND id.value = $key
            """;
        cmd.Parameters.AddWithValue("$words", CandidateTokens.Query(candidateId));
        cmd.Parameters.AddWithValue("$key", candidateId);
        return checked((int)(long)cmd.ExecuteScalar()!) + CountRowsPerEntry(connection, "candidate_id = $key", candidateId);
    }

    /// <inheritdoc />
    public int CountForUser(string user)
    {
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT coalesce(sum(json_array_length(candidates)), 0) FROM audit_calls WHERE user = $key";
        cmd.Parameters.AddWithValue("$key", user);
        return checked((int)(long)cmd.ExecuteScalar()!) + CountRowsPerEntry(connection, "user = $key", user);
    }

    /// <summary>How many entries a query with <paramref name="limit"/> and <paramref name="offset"/> reads before it skips the offset.</summary>
    internal static int Wanted(int limit, int offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return checked(limit + offset);
    }

    /// <inheritdoc />
    public int Purge(DateTimeOffset before)
    {
        using var connection = Open();
        using var tx = connection.BeginTransaction();
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.Parameters.AddWithValue("$before", FormatTime(before));
        cmd.CommandText = "SELECT coalesce(sum(json_array_length(candidates)), 0) FROM audit_calls WHERE at < $before"; // entries, not calls
        var purged = (long)cmd.ExecuteScalar()!;
        cmd.CommandText = """
            DELETE FROM audit_calls_by_candidate WHERE rowid IN (SELECT seq FROM audit_calls WHERE at < $before);
            DELETE FROM audit_calls WHERE at < $before;
            """;
        cmd.ExecuteNonQuery();
        if (_hasRowsPerEntry)
        {
            cmd.CommandText = "DELETE FROM audit WHERE at < $before";
            purged += cmd.ExecuteNonQuery();
        }
        tx.Commit();
        return checked((int)purged);
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

    /// <summary>How the trail stores a time: ISO 8601 in UTC, which sorts as text in time order.</summary>
    internal static string FormatTime(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

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

    /// <summary>The entries of the calls <paramref name="cmd"/> selects, newest first, up to <paramref name="limit"/>.</summary>
    private static List<AuditEntry> ReadCalls(SqliteCommand cmd, int limit, string? candidateId)
    {
        using var reader = cmd.ExecuteReader();
        var entries = new List<AuditEntry>();
        while (entries.Count < limit && reader.Read())
        {
            var ids = JsonSerializer.Deserialize<string?[]>(reader.GetString(6))!;
            var call = new AuditCall(ParseTime(reader.GetString(0)), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), ids);
            entries.AddRange(call.EntriesNewestFirst(candidateId).Take(limit - entries.Count));
        }
        return entries;
    }

    /// <summary>Entries from the table of one row per entry that stores written before <c>audit_calls</c> hold.</summary>
    private static List<AuditEntry> ReadRowsPerEntry(SqliteConnection connection, string where, string key, int limit)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {Columns}, candidate_id FROM audit WHERE {where} ORDER BY seq DESC LIMIT $limit";
        cmd.Parameters.AddWithValue("$key", key);
        cmd.Parameters.AddWithValue("$limit", limit);
        using var reader = cmd.ExecuteReader();
        var list = new List<AuditEntry>();
        while (reader.Read())
        {
            list.Add(new AuditEntry(ParseTime(reader.GetString(0)), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(5) ? null : reader.GetString(5)));
        }
        return list;
    }

    private int CountRowsPerEntry(SqliteConnection connection, string where, string key)
    {
        if (!_hasRowsPerEntry) return 0;
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT count(*) FROM audit WHERE {where}";
        cmd.Parameters.AddWithValue("$key", key);
        return checked((int)(long)cmd.ExecuteScalar()!);
    }

    private static DateTimeOffset ParseTime(string at) => DateTimeOffset.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private SqliteConnection Open() => StoreConnections.Open(_connectionString);
}
