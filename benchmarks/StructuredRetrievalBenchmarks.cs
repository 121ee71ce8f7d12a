using BenchmarkDotNet.Attributes;
using MatchEngine.Benchmarks.Support;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Matching;

namespace MatchEngine.Benchmarks;

/// <summary>
/// Question: what does the structured generator cost on a pool retrieved whole, with each candidate's tier marked from the
/// <see cref="CandidateLists"/> (as served) against testing each candidate's records for it? Baseline: the records' tiers
/// (the scan that proves the lists, <c>scan: true</c>); both order the same candidates the same way. The first 300 open
/// vacancies of the cached 5,000-candidate region (every consenting candidate retrieved, nobody seen before). One call =
/// all 300.
/// </summary>
[Config(typeof(Config))]
public class StructuredRetrievalBenchmarks
{
    private const int VacancyCount = 300;

    private CatalogService? _catalog;
    private CandidateLists? _lists;
    private PreparedVacancy[] _vacancies = [];

    [GlobalSetup]
    public void Setup()
    {
        _catalog = CatalogService.Open(CachedRegion.Catalog(5_000, 1_000), TimeProvider.System);
        _lists = new CandidatePool(_catalog.Store).Generation().Lists;
        _vacancies = CachedRegion.FirstVacancies(_catalog, VacancyCount);
        Console.WriteLine($"// {_vacancies.Length} vacancies, pool {_lists.All.Length:N0} consenting candidates (retrieved whole: {_lists.All.Length <= CandidateRetrieval.ExhaustivePool})");
    }

    [Benchmark(Baseline = true, Description = "tiers from each candidate's records, 300 vacancies")]
    public int FromTheRecords() => Structured(scan: true);

    [Benchmark(Description = "tiers from the candidate lists (served), 300 vacancies")]
    public int FromTheLists() => Structured(scan: false);

    [GlobalCleanup]
    public void Cleanup() => _catalog?.Dispose();

    private int Structured(bool scan)
    {
        var found = 0;
        foreach (var vacancy in _vacancies) found += CandidateRetrieval.Structured(vacancy, _lists!, new ShortlistFilters(), [], scan).Count;
        return found;
    }

    private sealed class Config : LatencyConfig
    {
        public Config() : base(warmup: 5, iterations: 30)
        {
        }
    }
}
