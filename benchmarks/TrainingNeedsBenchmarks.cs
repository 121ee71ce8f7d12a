using BenchmarkDotNet.Attributes;
using MatchEngine.Benchmarks.Support;
using MatchEngine.Engine.Advice;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Leerwerk;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Ranking;
using MatchEngine.Models.Registry;

namespace MatchEngine.Benchmarks;

/// <summary>
/// Question: how long do the training needs of a region of 20,000 candidates and 2,000 open vacancies take from cold
/// (no top-10 bar known, as after a promotion or an import)? Baseline: a shortlist of 10 for every open vacancy, the
/// ranking of every pool that any count of "who reaches a top 10" needs at least.
/// </summary>
[Config(typeof(BatchConfig))]
public class TrainingNeedsBenchmarks
{
    private PromotedModel<TrainedRanker>? _ranker;
    private CatalogService? _catalog;
    private CandidatePool? _pool;
    private LeerwerkService? _leerwerk;
    private ShortlistService? _shortlists;
    private string[] _open = [];
    private string _region = "";

    [GlobalSetup]
    public void Setup()
    {
        _ranker = SyntheticRanker.Load();
        _catalog = CatalogService.Open(CachedRegion.Catalog(20_000, 2_000), TimeProvider.System);
        _pool = new CandidatePool(_catalog.Store);
        _shortlists = new ShortlistService(_catalog, _pool, _ranker, TimeProvider.System);
        _leerwerk = new LeerwerkService(_catalog, _pool, RouteSuccessModels.Follow(new ModelRegistry(Path.GetTempPath(), TimeProvider.System), null), TimeProvider.System);
        _open = [.. _catalog.Store.Vacancies().Where(v => v.IsOpenOn(SynthAsOf)).Select(v => v.Id)];
        _region = _pool.All.First().Candidate.Region;
        Console.WriteLine($"// region {_region}: {_pool.All.Count(c => c.Candidate.Region == _region)} consenting candidates, {_open.Length} open vacancies");
    }

    /// <summary>The synthetic region's "today".</summary>
    private static DateOnly SynthAsOf => Training.Synth.SynthOptions.DefaultAsOf;

    [GlobalCleanup]
    public void Cleanup()
    {
        _ranker?.Dispose();
        _catalog?.Dispose();
    }

    [Benchmark(Baseline = true, Description = "a shortlist of 10 per open vacancy")]
    public int Shortlists()
    {
        var listed = 0;
        Parallel.ForEach(_open, id => Interlocked.Add(ref listed, _shortlists!.For(id, 10, new ShortlistFilters([_region])).Candidates.Count));
        return listed;
    }

    [Benchmark(Description = "TrainingNeeds, cold")]
    public int TrainingNeeds() => new AdviceService(_catalog!, _pool!, _ranker!, _leerwerk!).TrainingNeeds(_region, SynthAsOf).Count;
}
