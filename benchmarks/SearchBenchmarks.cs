using BenchmarkDotNet.Attributes;
using MatchEngine.Benchmarks.Support;
using MatchEngine.Engine;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Index;

namespace MatchEngine.Benchmarks;

/// <summary>
/// Question: what does a filtered candidate search (text + region + distance + hours, top 50) cost per
/// call over an index of 100,000 candidates and 20,000 vacancies, and what does the text part add?
/// Baseline: the same filters without text. Also the cold case: opening the index and its first search.
/// Per-call latency (Monitoring, one call per iteration): read Median, P95 and P99.
/// </summary>
[Config(typeof(LatencyConfig))]
public class SearchBenchmarks
{
    private const int Candidates = 100_000;
    private const int Vacancies = 20_000;

    private static readonly CandidateQuery Filters = new()
    {
        Regions = ["GV"],
        Near = new GeoPoint(52.2292, 5.1669), // Hilversum
        RadiusKm = 10,
        HoursMin = 24,
        HoursMax = 32,
        Top = 50,
    };

    private static readonly CandidateQuery WithText = Filters with { Text = "persoonlijke verzorging rapporteren medicatie" };

    private string _root = "";
    private string _coldIndex = "";
    private LuceneCatalogIndex? _warm;

    [GlobalSetup]
    public void Setup()
    {
        _root = SyntheticRegion.TempDir("search");
        var folder = Path.Combine(_root, "folder");
        var data = Path.Combine(_root, "data");
        SyntheticRegion.Write(SyntheticRegion.CatalogOnly(SyntheticRegion.Generate(Candidates, Vacancies), Vacancies), folder);
        using (SyntheticRegion.ImportAndIndex(folder, data))
        {
        }
        // The cold case opens its own copy: an index directory admits one writer at a time.
        _coldIndex = Path.Combine(_root, "cold-index");
        CopyDirectory(new DataLayout(data).IndexPath, _coldIndex);
        _warm = new LuceneCatalogIndex(new DataLayout(data).IndexPath);
        Console.WriteLine($"// filter-only hits: {_warm.Search(Filters).Count}, with text: {_warm.Search(WithText).Count}");
    }

    [Benchmark(Baseline = true, Description = "filters only (warm)")]
    public int FilterOnly() => _warm!.Search(Filters).Count;

    [Benchmark(Description = "text + filters (warm)")]
    public int TextAndFilters() => _warm!.Search(WithText).Count;

    /// <summary>Opens the index (writer + near-real-time reader) and runs the first text search, then closes it.</summary>
    [Benchmark(Description = "open + first text search (cold)")]
    public int ColdFirstSearch()
    {
        using var index = new LuceneCatalogIndex(_coldIndex);
        return index.Search(WithText).Count;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
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
    }
}
