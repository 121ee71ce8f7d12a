using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using MatchEngine.Benchmarks.Support;
using MatchEngine.Engine;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Import;
using MatchEngine.Engine.Store;

namespace MatchEngine.Benchmarks;

/// <summary>
/// Question: how long does importing a region of 100,000 candidates and 20,000 open vacancies (plus their
/// employers, SROI contracts and routes) into a fresh store and index take, and what share is the index?
/// Baseline: the store commit alone. Records/s = records ÷ mean (printed by the setup, see docs/benchmarks.md).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class ImportBenchmarks
{
    private const int Candidates = 100_000;
    private const int Vacancies = 20_000;
    private string _root = "";
    private string _folder = "";
    private string _data = "";

    [GlobalSetup]
    public void Setup()
    {
        _root = SyntheticRegion.TempDir("import");
        _folder = Path.Combine(_root, "folder");
        var world = SyntheticRegion.CatalogOnly(SyntheticRegion.Generate(Candidates, Vacancies), Vacancies);
        var records = SyntheticRegion.Write(world, _folder);
        Console.WriteLine($"// import folder: {records} records ({world.Candidates.Count} candidates, {world.Vacancies.Count} vacancies)");
    }

    [IterationSetup]
    public void FreshData()
    {
        _data = Path.Combine(_root, "data");
        SyntheticRegion.Delete(_data);
        Directory.CreateDirectory(_data);
    }

    [Benchmark(Baseline = true, Description = "store only")]
    public int StoreOnly()
    {
        using var store = new SqliteCatalogStore(new DataLayout(_data).StorePath);
        var result = new FolderImporter(store, new ContractValidator(ValidationContext.At(TimeProvider.System))).Import(_folder);
        return result.Imported.Values.Sum();
    }

    [Benchmark(Description = "store + index")]
    public int StoreAndIndex()
    {
        using var catalog = CatalogService.Open(new DataLayout(_data), TimeProvider.System);
        var result = new FolderImporter(catalog.Store, catalog.Validator).Import(_folder);
        catalog.SyncIndex();
        return result.Imported.Values.Sum();
    }

    [GlobalCleanup]
    public void Cleanup() => SyntheticRegion.Delete(_root);
}
