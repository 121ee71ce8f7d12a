using BenchmarkDotNet.Attributes;
using MatchEngine.Benchmarks.Support;
using MatchEngine.Engine;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Ranking;
using MatchEngine.Models.Registry;

namespace MatchEngine.Benchmarks;

/// <summary>
/// Question: what does the first shortlist after opening an existing store and index cost, against a
/// shortlist on a warm service? Cold = <see cref="CatalogService.Open"/> (SQLite store, Lucene writer and
/// reader, index catch-up check) + a new <see cref="CandidatePool"/> (loads and prepares every consenting
/// candidate on first use) + the first <see cref="ShortlistService.For(string, int, ShortlistFilters?)"/>,
/// then disposed; this is what the api does on its first shortlist after a start. The ranker is loaded once
/// and excluded. Region: 100,000 candidates, 20,000 open vacancies (as the load test; <see cref="CachedRegion"/>);
/// the cold case opens its own copy of the data directory (one index writer per directory). "Cold" is a cold process state, not
/// a cold disk: the files are in the OS cache after the first call.
/// </summary>
[Config(typeof(FewCallsConfig))]
public class ColdStartBenchmarks
{
    private const int Candidates = 100_000;
    private const int Vacancies = 20_000;
    private const int Top = 20;
    private const string VacancyId = "v000001";

    private string _root = "";
    private string _coldData = "";
    private PromotedModel<TrainedRanker>? _ranker;
    private CatalogService? _warm;
    private ShortlistService? _service;

    [GlobalSetup]
    public void Setup()
    {
        _root = SyntheticRegion.TempDir("coldstart");
        _ranker = SyntheticRanker.Load();
        var data = CachedRegion.Catalog(Candidates, Vacancies);
        _coldData = Path.Combine(_root, "cold-data");
        CopyDirectory(data.Root, _coldData);
        _warm = CatalogService.Open(data, TimeProvider.System);
        _service = new ShortlistService(_warm, new CandidatePool(_warm.Store), _ranker);
        Console.WriteLine($"// warm shortlist retrieves {_service.For(VacancyId, Top).Retrieved}; cold first shortlist returns {Cold()}");
    }

    [Benchmark(Baseline = true, Description = "warm shortlist")]
    public int Warm() => _service!.For(VacancyId, Top).Candidates.Count;

    [Benchmark(Description = "open store + index + pool, first shortlist (cold)")]
    public int Cold()
    {
        using var catalog = CatalogService.Open(new DataLayout(_coldData), TimeProvider.System);
        var service = new ShortlistService(catalog, new CandidatePool(catalog.Store), _ranker!);
        return service.For(VacancyId, Top).Candidates.Count;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _ranker?.Dispose();
        _warm?.Dispose();
        SyntheticRegion.Delete(_root);
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            if (Path.GetFileName(file) == "write.lock") continue;
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
        foreach (var dir in Directory.GetDirectories(from)) CopyDirectory(dir, Path.Combine(to, Path.GetFileName(dir)));
    }
}
