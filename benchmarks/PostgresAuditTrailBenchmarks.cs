using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using MatchEngine.Benchmarks.Support;
using MatchEngine.Engine.Audit;
using Npgsql;

namespace MatchEngine.Benchmarks;

/// <summary>
/// Question: what does the PostgreSQL audit trail (the one all replicas share) cost a shortlist, one row per call with
/// the candidates in a <c>text[]</c> under a GIN index (<see cref="PostgresAuditLog"/>, served) against one row per
/// candidate (<see cref="RowPerEntryPostgresAuditWriter"/>, the baseline)? And reading one candidate's entries?
/// <para>
/// Each database starts with 20,000 shortlists of 20 seeded candidates (400,000 entries) out of 100,000. A write is
/// one shortlist's 20 entries, one transaction, committed (the server flushes its log, as configured); 20 in a row
/// per call, reported per shortlist. The time includes the round trip to the server on loopback and the server's
/// work. The server is MATCHENGINE_TEST_POSTGRES (default: the local cluster <c>tests/run.sh</c> prepares).
/// </para>
/// </summary>
[Config(typeof(LatencyConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class PostgresAuditTrailBenchmarks
{
    private const int PriorShortlists = 20_000;
    private const int ShortlistsPerCall = 20;
    private const string RowsDatabase = "matchengine_bench_audit_rows";
    private const string CallsDatabase = "matchengine_bench_audit_calls";

    private readonly Random _random = new(SyntheticRegion.Seed);
    private RowPerEntryPostgresAuditWriter? _rows;
    private PostgresAuditLog? _rowsLog, _calls;
    private DateTimeOffset _at = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [GlobalSetup]
    public async Task Setup()
    {
        BenchmarkPostgres.Recreate(RowsDatabase);
        BenchmarkPostgres.Recreate(CallsDatabase);
        _rows = new RowPerEntryPostgresAuditWriter(BenchmarkPostgres.Database(RowsDatabase));
        _rowsLog = new PostgresAuditLog(BenchmarkPostgres.Database(RowsDatabase));
        _calls = new PostgresAuditLog(BenchmarkPostgres.Database(CallsDatabase));
        for (var written = 0; written < PriorShortlists; written += 1_000)
        {
            var entries = Enumerable.Range(0, 1_000).SelectMany(_ => AuditTrailBenchmarks.Shortlist(_random, ref _at)).ToList();
            await _rows.RecordAsync(entries);
            await _calls.RecordAsync(entries);
        }
        BenchmarkPostgres.Run("VACUUM ANALYZE", RowsDatabase);
        BenchmarkPostgres.Run("VACUUM ANALYZE", CallsDatabase);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = ShortlistsPerCall, Description = "write a shortlist: one row per candidate (before)"), BenchmarkCategory("write")]
    public async Task WriteRowPerEntry()
    {
        for (var i = 0; i < ShortlistsPerCall; i++) await _rows!.RecordAsync(AuditTrailBenchmarks.Shortlist(_random, ref _at));
    }

    [Benchmark(OperationsPerInvoke = ShortlistsPerCall, Description = "write a shortlist: one row per call, candidates text[] + GIN"), BenchmarkCategory("write")]
    public async Task WriteRowPerCall()
    {
        for (var i = 0; i < ShortlistsPerCall; i++) await _calls!.RecordAsync(AuditTrailBenchmarks.Shortlist(_random, ref _at));
    }

    [Benchmark(Baseline = true, Description = "read one candidate: rows per candidate (before)"), BenchmarkCategory("read")]
    public int ReadRowPerEntry() => _rowsLog!.ForCandidate(AuditTrailBenchmarks.RandomCandidate(_random)).Count;

    [Benchmark(Description = "read one candidate: calls by GIN"), BenchmarkCategory("read")]
    public int ReadRowPerCall() => _calls!.ForCandidate(AuditTrailBenchmarks.RandomCandidate(_random)).Count;

    [GlobalCleanup]
    public void Cleanup()
    {
        _rows?.Dispose();
        _rowsLog?.Dispose();
        _calls?.Dispose();
        NpgsqlConnection.ClearAllPools();
        BenchmarkPostgres.Drop(RowsDatabase);
        BenchmarkPostgres.Drop(CallsDatabase);
    }
}
