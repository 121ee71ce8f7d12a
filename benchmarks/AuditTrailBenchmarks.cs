using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using MatchEngine.Benchmarks.Support;
using MatchEngine.Engine.Audit;
using MatchEngine.Engine.Persistence;
using Microsoft.Data.Sqlite;

namespace MatchEngine.Benchmarks;

/// <summary>
/// Question: what does the SQLite audit trail cost a shortlist, one row per call with the candidates in a
/// full-text index (<see cref="SqliteAuditWriter"/>, served) against one row per candidate with three indexes
/// (<see cref="RowPerEntryAuditWriter"/>, the baseline)? And does reading a candidate's entries get slower?
/// <para>
/// Each store starts with 20,000 shortlists of 20 seeded candidates (400,000 entries) out of 100,000. A write is one
/// commit of two shortlists (40 entries; under 8 load-test callers a commit carried 2.3 calls): 50 commits per
/// call, then a PASSIVE checkpoint as the trail's timer runs, reported per commit. The stores live on
/// <c>/dev/shm</c> where it exists, so a commit's flush to disk costs nothing and the time is the CPU of the
/// writes, the part that competes with searches; on disk both shapes add one flush per commit. A read is one
/// candidate's entries (<see cref="SqliteAuditLog.ForCandidate"/>), through the same class for both stores: it also
/// reads the one-row-per-entry table <c>audit</c> when a store has one.
/// </para>
/// </summary>
[Config(typeof(LatencyConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class AuditTrailBenchmarks
{
    private const int PriorShortlists = 20_000;
    private const int ShortlistSize = 20;
    private const int Candidates = 100_000;
    private const int CommitsPerCall = 50;

    private readonly Random _random = new(SyntheticRegion.Seed);
    private string _directory = "";
    private string _rowsPath = "", _callsPath = "";
    private RowPerEntryAuditWriter? _rows;
    private SqliteAuditWriter? _calls;
    private SqliteAuditLog? _rowsLog, _callsLog;
    private DateTimeOffset _at = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [GlobalSetup]
    public void Setup()
    {
        var root = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        _directory = Path.Combine(root, "matchengine-audit-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        _rowsPath = Store("rows.db");
        _callsPath = Store("calls.db");
        _rows = new RowPerEntryAuditWriter(_rowsPath);
        _rowsLog = new SqliteAuditLog(_rowsPath);
        _callsLog = new SqliteAuditLog(_callsPath);
        _calls = new SqliteAuditWriter(StoreConnections.For(_callsPath, pooled: false));
        for (var written = 0; written < PriorShortlists; written += 1_000)
        {
            var entries = Enumerable.Range(0, 1_000).SelectMany(_ => Shortlist()).ToList();
            _rows.Write(entries);
            _calls.Write(AuditCall.Group(entries));
        }
        Checkpoint(_rowsPath);
        Checkpoint(_callsPath);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = CommitsPerCall, Description = "write: one row per candidate (before)"), BenchmarkCategory("write")]
    public void WriteRowPerEntry()
    {
        for (var i = 0; i < CommitsPerCall; i++) _rows!.Write([.. Shortlist(), .. Shortlist()]);
        Checkpoint(_rowsPath);
    }

    [Benchmark(OperationsPerInvoke = CommitsPerCall, Description = "write: one row per call, candidates in FTS5"), BenchmarkCategory("write")]
    public void WriteRowPerCall()
    {
        for (var i = 0; i < CommitsPerCall; i++) _calls!.Write(AuditCall.Group([.. Shortlist(), .. Shortlist()]));
        Checkpoint(_callsPath);
    }

    [Benchmark(Baseline = true, Description = "read one candidate: rows per candidate (before)"), BenchmarkCategory("read")]
    public int ReadRowPerEntry() => _rowsLog!.ForCandidate(RandomCandidate()).Count;

    [Benchmark(Description = "read one candidate: calls by FTS5"), BenchmarkCategory("read")]
    public int ReadRowPerCall() => _callsLog!.ForCandidate(RandomCandidate()).Count;

    [GlobalCleanup]
    public void Cleanup()
    {
        _rows?.Dispose();
        _calls?.Dispose();
        _rowsLog?.Dispose();
        _callsLog?.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private List<AuditEntry> Shortlist() => Shortlist(_random, ref _at);

    /// <summary>One shortlist's entries, as the api's audit trail records them: 20 distinct candidates, 4 ms after the last.</summary>
    internal static List<AuditEntry> Shortlist(Random random, ref DateTimeOffset at)
    {
        at = at.AddMilliseconds(4);
        var vacancy = $"V-{random.Next(20_000):D7}";
        var ids = new HashSet<string>();
        while (ids.Count < ShortlistSize) ids.Add(RandomCandidate(random));
        var when = at;
        return [.. ids.Select(id => new AuditEntry(when, "loadtest", "accountmanager", "/matchengine.v1.Match/Shortlist", "shortlist for vacancy " + vacancy, id, vacancy))];
    }

    /// <summary>One of 100,000 candidate ids, seeded.</summary>
    internal static string RandomCandidate(Random random) => $"C-{random.Next(Candidates):D6}";

    private string RandomCandidate() => RandomCandidate(_random);

    /// <summary>A store file in WAL mode, as the catalog store sets it; the writers and logs opened on it create their tables.</summary>
    private string Store(string name)
    {
        var path = Path.Combine(_directory, name);
        using (var connection = StoreConnections.Open(StoreConnections.For(path, pooled: false)))
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "PRAGMA journal_mode=WAL;";
            cmd.ExecuteNonQuery();
        }
        return path;
    }

    private static void Checkpoint(string path)
    {
        using var connection = StoreConnections.Open(StoreConnections.For(path));
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        cmd.ExecuteNonQuery();
    }
}
