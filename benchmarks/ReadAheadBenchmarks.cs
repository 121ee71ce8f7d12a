using BenchmarkDotNet.Attributes;
using MatchEngine.Benchmarks.Support;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Matching;

namespace MatchEngine.Benchmarks;

/// <summary>
/// Question: what does reading a shortlist's retrieved candidates ahead (<see cref="ReadAhead"/>) save when they are
/// featurized? Baseline: featurizing the retrieved candidates of the first 200 vacancies of the cached 100,000-candidate
/// region (some 1,500 each: text hits and the structured generator's, as served), vacancy after vacancy, so each list
/// meets candidates the processor's caches no longer hold; compared: the same with the read-ahead pass before each list,
/// and as served (<see cref="ReadAhead.Featurize"/>: each block of <see cref="ReadAhead.Block"/> candidates read ahead just
/// before it is featurized). One call = all 200 lists.
/// </summary>
[Config(typeof(Config))]
public class ReadAheadBenchmarks
{
    private const int VacancyCount = 200;

    private CatalogService? _catalog;
    private (PreparedVacancy Vacancy, IReadOnlyList<RetrievedCandidate> Retrieved)[] _lists = [];

    [GlobalSetup]
    public void Setup()
    {
        _catalog = CatalogService.Open(CachedRegion.Catalog(100_000, 2_000), TimeProvider.System);
        var pool = new CandidatePool(_catalog.Store);
        _lists = CachedRegion.FirstVacancies(_catalog, VacancyCount)
            .Select(v => (v, CandidateRetrieval.For(_catalog, pool, v, new ShortlistFilters()))).ToArray();
        Console.WriteLine($"// {_lists.Length} vacancies, {_lists.Sum(l => l.Retrieved.Count):N0} pairs, pool {pool.Count:N0} consenting candidates");
    }

    [Benchmark(Baseline = true, Description = "featurize 200 shortlists' candidates")]
    public float Featurize() => FeaturizeAll(readAhead: false);

    [Benchmark(Description = "read ahead, then featurize, 200 shortlists' candidates")]
    public float ReadAheadThenFeaturize() => FeaturizeAll(readAhead: true);

    [Benchmark(Description = "read ahead and featurize by blocks of 128 (served), 200 shortlists' candidates")]
    public float ByBlocks()
    {
        var sum = 0f;
        foreach (var (vacancy, retrieved) in _lists) sum += ReadAhead.Featurize(vacancy, retrieved)[0][0];
        return sum;
    }

    [GlobalCleanup]
    public void Cleanup() => _catalog?.Dispose();

    private float FeaturizeAll(bool readAhead)
    {
        var sum = 0f;
        foreach (var (vacancy, retrieved) in _lists)
        {
            if (readAhead) ReadAhead.Candidates(retrieved, 0, retrieved.Count);
            for (var i = 0; i < retrieved.Count; i++) sum += PairFeatures.Featurize(vacancy, retrieved[i].Candidate, retrieved[i].Bm25)[0];
        }
        return sum;
    }

    private sealed class Config : LatencyConfig
    {
        public Config() : base(warmup: 5, iterations: 30)
        {
        }
    }
}
