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

    private long EntriesInTheDatabaseFileAlone()
    {
        var copy = _dir.File($"copy-{Guid.NewGuid():N}.db");
        File.Copy(_dir.File("store.db"), copy);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString());
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'audit'";
        if ((long)cmd.ExecuteScalar()! == 0) return 0;
        cmd.CommandText = "SELECT count(*) FROM audit";
        return (long)cmd.ExecuteScalar()!;
    }

    public override void Dispose()
    {
        _dir.Dispose();
        base.Dispose();
    }
}
