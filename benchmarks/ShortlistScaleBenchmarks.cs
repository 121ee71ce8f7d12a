using BenchmarkDotNet.Attributes;
using MatchEngine.Benchmarks.Support;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Ranking;
using MatchEngine.Models.Registry;

namespace MatchEngine.Benchmarks;

/// <summary>
/// Question: how does one shortlist's cost grow with the region's size (10,000, 100,000 and 400,000
/// candidates), against exhaustive scoring of every consenting candidate at the same size? Each size is a
/// seeded region (2,000 open vacancies, all candidates in GV) imported into a store and index, built once per
/// machine (<see cref="CachedRegion"/>); the ranker is trained on the history of a seeded 5k/1k region
/// (<see cref="SyntheticRanker"/>). The vacancy is v000001 at every size (a verpleegkundige
/// at Verpleeghuis De Linde, present in every world), so the sizes differ only in how many candidates there are.
/// Few calls per case (3 + 20): the exhaustive baseline takes seconds at 400,000.
/// </summary>
[Config(typeof(FewCallsConfig))]
public class ShortlistScaleBenchmarks
{
    private const int Vacancies = 2_000;
    private const int Top = 20;
    private const string VacancyId = "v000001";

    private CatalogService? _catalog;
    private CandidatePool? _pool;
    private PromotedModel<TrainedRanker>? _ranker;
    private ShortlistService? _service;
    private Vacancy? _vacancy;
    private PreparedVacancy? _prepared;

    /// <summary>Candidates in the region (about 90% consent to matching and are scored).</summary>
    [Params(10_000, 100_000, 400_000)]
    public int Candidates { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _ranker = SyntheticRanker.Load();
        _catalog = CatalogService.Open(CachedRegion.Catalog(Candidates, Vacancies), TimeProvider.System);
        _pool = new CandidatePool(_catalog.Store);
        _service = new ShortlistService(_catalog, _pool, _ranker);
        _vacancy = _catalog.Store.GetVacancy(VacancyId) ?? throw new InvalidOperationException($"{VacancyId} is missing");
        _prepared = new PreparedVacancy(_vacancy, _catalog.Store.GetEmployer(_vacancy.EmployerId));
        var shortlist = _service.For(_vacancy, Top, new ShortlistFilters());
        Console.WriteLine($"// {Candidates} candidates, {_pool.Count} consenting; {VacancyId} ({_vacancy.Title}) retrieves {shortlist.Retrieved}");
    }

    [Benchmark(Baseline = true, Description = "exhaustive: score all consenting")]
    public int Exhaustive() => ExhaustiveShortlist.Run(_ranker!.Current!.Value.Model, _prepared!, _pool!.All, Top);

    [Benchmark(Description = "shortlist: retrieve 1,000 + rank + explain 20")]
    public int Shortlist() => _service!.For(_vacancy!, Top, new ShortlistFilters()).Candidates.Count;

    [GlobalCleanup]
    public void Cleanup()
    {
        _ranker?.Dispose();
        _catalog?.Dispose();
    }
}
