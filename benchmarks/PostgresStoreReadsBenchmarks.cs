using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using MatchEngine.Benchmarks.Support;
using MatchEngine.Engine.Audit;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Import;
using MatchEngine.Engine.Persistence;
using MatchEngine.Engine.Store;
using Npgsql;

namespace MatchEngine.Benchmarks;

/// <summary>
/// Question: what does a shortlist ask of the shared PostgreSQL store, and what does Npgsql's reset of a pooled
/// connection (<c>DISCARD ALL</c> before a connection's next command, one more statement and transaction in the
/// server for every read) add to it? The store's connections are not reset (<see cref="PostgresConnections"/>);
/// the baseline asks for the reset in its connection string (<c>No Reset On Close=false</c>), Npgsql's default.
/// <para>
/// One shortlist's store work is what a replica does for it: the store's revision (the candidate pool's check),
/// the vacancy, its employer, and the audit trail's row for 20 candidates (<see cref="PostgresAuditLog"/>, committed;
/// the server flushes its log as configured). Measured by one caller (20 shortlists in a row per call) and by 8 callers
/// at once (10 shortlists each per call), as the load test's 8 callers reach the store; reported per shortlist. The
/// store holds a seeded region of 2,000 candidates and 1,000 open vacancies. The server is MATCHENGINE_TEST_POSTGRES
/// (default: the local cluster <c>tests/run.sh</c> prepares), on the same two cores as the benchmark.
/// </para>
/// </summary>
[Config(typeof(LatencyConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class PostgresStoreReadsBenchmarks
{
    private const string DatabaseName = "matchengine_bench_store_reads";
    private const int InARow = 20;
    private const int Callers = 8;
    private const int PerCaller = 10;

    private readonly Random _random = new(SyntheticRegion.Seed);
    private string _root = "";
    private string[] _vacancyIds = [];
    private Store? _reset, _kept;
    private DateTimeOffset _at = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    [GlobalSetup]
    public void Setup()
    {
        _root = SyntheticRegion.TempDir("pgreads");
        var folder = Path.Combine(_root, "folder");
        SyntheticRegion.Write(SyntheticRegion.CatalogOnly(SyntheticRegion.Generate(2_000, 1_000), 1_000), folder);
        BenchmarkPostgres.Recreate(DatabaseName);
        var connection = BenchmarkPostgres.Database(DatabaseName);
        using (var store = new PostgresCatalogStore(connection))
        {
            new FolderImporter(store, new ContractValidator(ValidationContext.At(TimeProvider.System))).Import(folder);
            _vacancyIds = store.Vacancies().Select(v => v.Id).Order(StringComparer.Ordinal).ToArray();
        }
        BenchmarkPostgres.Run("VACUUM ANALYZE", DatabaseName);
        _reset = new Store(connection + ";No Reset On Close=false");
        _kept = new Store(connection);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = InARow, Description = "1 caller: pooled connections reset (before)"), BenchmarkCategory("1 caller")]
    public Task OneCallerReset() => InSequence(_reset!, InARow);

    [Benchmark(OperationsPerInvoke = InARow, Description = "1 caller: pooled connections kept as they are"), BenchmarkCategory("1 caller")]
    public Task OneCallerKept() => InSequence(_kept!, InARow);

    [Benchmark(Baseline = true, OperationsPerInvoke = Callers * PerCaller, Description = "8 callers: pooled connections reset (before)"), BenchmarkCategory("8 callers")]
    public Task EightCallersReset() => Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(() => InSequence(_reset!, PerCaller))));

    [Benchmark(OperationsPerInvoke = Callers * PerCaller, Description = "8 callers: pooled connections kept as they are"), BenchmarkCategory("8 callers")]
    public Task EightCallersKept() => Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(() => InSequence(_kept!, PerCaller))));

    [GlobalCleanup]
    public void Cleanup()
    {
        _reset?.Dispose();
        _kept?.Dispose();
        NpgsqlConnection.ClearAllPools();
        BenchmarkPostgres.Drop(DatabaseName);
        SyntheticRegion.Delete(_root);
    }

    private async Task InSequence(Store store, int shortlists)
    {
        for (var i = 0; i < shortlists; i++)
        {
            string vacancyId;
            List<AuditEntry> audit;
            lock (_random)
            {
                vacancyId = _vacancyIds[_random.Next(_vacancyIds.Length)];
                audit = AuditTrailBenchmarks.Shortlist(_random, ref _at);
            }
            _ = store.Catalog.Revision;
            var vacancy = store.Catalog.GetVacancy(vacancyId) ?? throw new InvalidOperationException($"vacancy {vacancyId} is missing");
            _ = store.Catalog.GetEmployer(vacancy.EmployerId) ?? throw new InvalidOperationException($"employer {vacancy.EmployerId} is missing");
            await store.Audit.RecordAsync(audit);
        }
    }

    /// <summary>The catalog and the audit trail on one connection string, as a replica opens them.</summary>
    private sealed class Store(string connectionString) : IDisposable
    {
        public PostgresCatalogStore Catalog { get; } = new(connectionString);

        public PostgresAuditLog Audit { get; } = new(connectionString);

        public void Dispose()
        {
            Catalog.Dispose();
            Audit.Dispose();
        }
    }
}
