using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using MatchEngine.Benchmarks.Support;
using MatchEngine.Engine;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.LabelResolution;
using MatchEngine.Engine.Store;
using MatchEngine.Training.Synth;

namespace MatchEngine.Benchmarks;

/// <summary>
/// Question: how much does resolving the candidates' typed skills and certificates add to an import? A region of 20,000
/// candidates (40% of them with labels typed as people type them, <c>synth --messy 0.4</c>) and 2,000 open vacancies,
/// imported into a fresh store and index (the baseline), against resolving the same candidates' labels alone
/// (<see cref="BatchLabels.Resolve"/> on the batch the import writes: employers, vacancies, routes and candidates, against
/// the empty store of a fresh import). Resolving adds
/// resolve ÷ (import − resolve) to what the import would take without it.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class LabelResolutionImportBenchmarks
{
    private const int Candidates = 20_000;
    private const int Vacancies = 2_000;
    private string _root = "";
    private string _folder = "";
    private string _data = "";
    private World? _world;
    private SqliteCatalogStore? _emptyStore;
    private CatalogBatch _batch = new();

    [GlobalSetup]
    public void Setup()
    {
        _root = SyntheticRegion.TempDir("labels-import");
        _folder = Path.Combine(_root, "folder");
        var clean = SyntheticRegion.CatalogOnly(SyntheticRegion.Generate(Candidates, Vacancies), Vacancies);
        var (messy, rewritten) = new MessyLabels(0.4, SyntheticRegion.Seed).Apply(clean);
        _world = messy;
        var records = SyntheticRegion.Write(messy, _folder);
        // A fresh import resolves against an empty store: the catalogue's vacancies and routes come in the same batch.
        _emptyStore = new SqliteCatalogStore(Path.Combine(_root, "empty.db"));
        Console.WriteLine($"// import folder: {records} records; {rewritten.Count} labels rewritten");
    }

    [IterationSetup(Target = nameof(Import))]
    public void FreshData()
    {
        _data = Path.Combine(_root, "data");
        SyntheticRegion.Delete(_data);
        Directory.CreateDirectory(_data);
    }

    [IterationSetup(Target = nameof(ResolveOnly))]
    public void FreshBatch()
    {
        _batch = new CatalogBatch();
        foreach (var e in _world!.Employers) _batch.Add(e);
        foreach (var v in _world.Vacancies) _batch.Add(v);
        foreach (var r in _world.Routes) _batch.Add(r);
        foreach (var c in _world.Candidates) _batch.Add(c);
    }

    [Benchmark(Baseline = true, Description = "import (store + index), labels resolved")]
    public int Import()
    {
        using var catalog = CatalogService.Open(new DataLayout(_data), TimeProvider.System);
        var result = new Engine.Import.FolderImporter(catalog.Store, catalog.Validator).Import(_folder);
        catalog.SyncIndex();
        return result.Imported.Values.Sum();
    }

    [Benchmark(Description = "resolving the candidates' labels alone")]
    public int ResolveOnly() => (int)BatchLabels.Resolve(_batch, _emptyStore!, LabelSources.Bundled).TotalMilliseconds;

    [GlobalCleanup]
    public void Cleanup()
    {
        _emptyStore?.Dispose();
        SyntheticRegion.Delete(_root);
    }
}
