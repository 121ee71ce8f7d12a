using MatchEngine.Engine.Audit;
using MatchEngine.Tests.Support;
using Microsoft.Data.Sqlite;

namespace MatchEngine.Tests.Store;

/// <summary>The audit trail in the store's SQLite file.</summary>
public sealed class SqliteAuditLogTests : AuditLogTests
{
    private readonly TempDirectory _dir = new();

    protected override IAuditLog Open() => new SqliteAuditLog(_dir.File("store.db"));

    [Fact]
    public async Task Record_LogStaysOpen_EntriesReachTheDatabaseFileByTheTimedCheckpoint()
    {
        using (var store = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _dir.File("store.db"), Pooling = false }.ToString()))
        {
            store.Open();
            using var wal = store.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode=WAL;"; // as the catalog store sets it
            wal.ExecuteNonQuery();
        }
        using var log = Open();
        var at = new DateTimeOffset(2025, 6, 30, 9, 15, 0, TimeSpan.Zero);
        await log.RecordAsync(Enumerable.Range(0, 50).Select(i => new AuditEntry(at, "anna", "accountmanager", "Shortlist", "matching", $"c{i}", "v1")).ToList());
        // Far below SQLite's automatic checkpoint (1,000 pages), so without the timer the entries would stay in the
        // write-ahead log. The database file alone, copied without its log, holds what has been checkpointed.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (EntriesInTheDatabaseFileAlone() < 50)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "the entries never reached the database file");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task ForCandidate_IdsThatATokenizerWouldSplitOrFold_MatchOnlyTheExactId()
    {
        string[] ids = ["c1", "C1", "c1 c2", "c2", "c1-x", "", "ü1", "\"c1\"", "c1*", "NEAR(c1)"];
        using (var log = Open())
            await log.RecordAsync([.. ids.Select((id, i) => Entry(i, "anna", id))]);
        using var reopened = Open();
        Assert.All(ids, id => Assert.Equal([id], reopened.ForCandidate(id).Select(e => e.CandidateId)));
        Assert.Empty(reopened.ForCandidate("c"));
    }

    [Fact]
    public async Task Purge_RemovesTheCallsFromTheIndexByCandidate()
    {
        using var log = Open();
        await log.RecordAsync([Entry(0, "anna", "c1"), Entry(0, "anna", "c2")]);
        await log.RecordAsync([Entry(10, "anna", "c2")]);
        Assert.Equal(2, log.Purge(T0.AddMinutes(5)));
        Assert.Equal(0, IndexedCalls("c1"));
        Assert.Equal(1, IndexedCalls("c2"));
    }

    protected override void WriteRowsPerEntry(params AuditEntry[] entries)
    {
        using var connection = Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            CREATE TABLE audit(
                seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, user TEXT NOT NULL, role TEXT NOT NULL,
                action TEXT NOT NULL, purpose TEXT NOT NULL, candidate_id TEXT, subject TEXT);
            """;
        cmd.ExecuteNonQuery();
        cmd.CommandText = "INSERT INTO audit(at, user, role, action, purpose, candidate_id, subject) VALUES ($at, $user, $role, $action, $purpose, $candidate, $subject)";
        foreach (var e in entries)
        {
            cmd.Parameters.Clear();
            cmd.Parameters.AddWithValue("$at", e.At.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            cmd.Parameters.AddWithValue("$user", e.User);
            cmd.Parameters.AddWithValue("$role", e.Role);
            cmd.Parameters.AddWithValue("$action", e.Action);
            cmd.Parameters.AddWithValue("$purpose", e.Purpose);
            cmd.Parameters.AddWithValue("$candidate", (object?)e.CandidateId ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$subject", (object?)e.Subject ?? DBNull.Value);
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>How many calls the full-text index finds for the candidate, whether or not their rows still exist.</summary>
    private long IndexedCalls(string candidateId)
    {
        using var connection = Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM audit_calls_by_candidate WHERE audit_calls_by_candidate MATCH $words";
        cmd.Parameters.AddWithValue("$words", CandidateTokens.Query(candidateId));
        return (long)cmd.ExecuteScalar()!;
    }

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _dir.File("store.db"), Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private long EntriesInTheDatabaseFileAlone()
    {
        var copy = _dir.File($"copy-{Guid.NewGuid():N}.db");
        File.Copy(_dir.File("store.db"), copy);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString());
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'audit_calls'";
        if ((long)cmd.ExecuteScalar()! == 0) return 0;
        cmd.CommandText = "SELECT coalesce(sum(json_array_length(candidates)), 0) FROM audit_calls";
        return (long)cmd.ExecuteScalar()!;
    }

    public override void Dispose()
    {
        _dir.Dispose();
        base.Dispose();
    }
}
