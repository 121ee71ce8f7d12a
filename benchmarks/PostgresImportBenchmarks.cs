using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using MatchEngine.Benchmarks.Support;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Import;
using MatchEngine.Engine.Store;

namespace MatchEngine.Benchmarks;

/// <summary>
/// Question: how fast does a region of 100,000 candidates and 20,000 open vacancies (plus employers, SROI
/// contracts and routes) import into the shared PostgreSQL store, compared with the embedded SQLite store?
/// Baseline: SQLite. All run the same folder import (parse, validate, one transaction) into an empty
/// store; PostgreSQL twice: its default bulk path (binary COPY into a staging table) and the array path
/// (<c>unnest</c>) it uses for small writes, forced for the whole batch. Records/s = records (printed by the setup) ÷ mean. The server is MATCHENGINE_TEST_POSTGRES
/// (default: the local cluster <c>tests/run.sh</c> prepares); each iteration gets a fresh database.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class PostgresImportBenchmarks
{
    private const int Candidates = 100_000;
    private const int Vacancies = 20_000;
    private const string DatabaseName = "matchengine_bench_import";
    private string _root = "";
    private string _folder = "";
    private string _sqlitePath = "";

    [GlobalSetup]
    public void Setup()
    {
        _root = SyntheticRegion.TempDir("pgimport");
        _folder = Path.Combine(_root, "folder");
        var world = SyntheticRegion.CatalogOnly(SyntheticRegion.Generate(Candidates, Vacancies), Vacancies);
        var records = SyntheticRegion.Write(world, _folder);
        Console.WriteLine($"// import folder: {records} records ({world.Candidates.Count} candidates, {world.Vacancies.Count} vacancies)");
    }

    [IterationSetup]
    public void FreshStores()
    {
        _sqlitePath = Path.Combine(_root, "data", "store.db");
        SyntheticRegion.Delete(Path.GetDirectoryName(_sqlitePath));
        Directory.CreateDirectory(Path.GetDirectoryName(_sqlitePath)!);
        BenchmarkPostgres.Recreate(DatabaseName);
    }

    [Benchmark(Baseline = true, Description = "SQLite")]
    public int Sqlite()
    {
        using var store = new SqliteCatalogStore(_sqlitePath);
        return Import(store);
    }

    [Benchmark(Description = "PostgreSQL (COPY)")]
    public int Postgres()
    {
        using var store = new PostgresCatalogStore(Database);
        return Import(store);
    }

    [Benchmark(Description = "PostgreSQL (arrays)")]
    public int PostgresArrays()
    {
        using var store = new PostgresCatalogStore(Database, copyThreshold: int.MaxValue);
        return Import(store);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        BenchmarkPostgres.Drop(DatabaseName);
        SyntheticRegion.Delete(_root);
    }

    private static string Database => BenchmarkPostgres.Database(DatabaseName);

    private int Import(ICatalogStore store)
    {
        var result = new FolderImporter(store, new ContractValidator(ValidationContext.At(TimeProvider.System))).Import(_folder);
        return result.Imported.Values.Sum();
    }
}
