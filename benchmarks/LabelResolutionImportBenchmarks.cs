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
/// (<see cref="BatchLabels.Resolve"/>, which the import runs once per batch). Resolving adds
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
    private SqliteCatalogStore? _catalogue;
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
        // The vacancies and routes whose labels make the catalogue, as the import's store holds them when it resolves.
        _catalogue = new SqliteCatalogStore(Path.Combine(_root, "catalogue.db"));
        var known = new CatalogBatch();
        foreach (var v in messy.Vacancies) known.Add(v);
        foreach (var e in messy.Employers) known.Add(e);
        foreach (var r in messy.Routes) known.Add(r);
        _catalogue.Upsert(known);
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
        foreach (var c in _world!.Candidates) _batch.Add(c);
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
    public int ResolveOnly() => (int)BatchLabels.Resolve(_batch, _catalogue!, LabelSources.Bundled).TotalMilliseconds;

    [GlobalCleanup]
    public void Cleanup()
    {
        _catalogue?.Dispose();
        SyntheticRegion.Delete(_root);
    }
}
