using MatchEngine.Engine.Advice;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Leerwerk;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Ranking;
using MatchEngine.Models.Registry;

namespace MatchEngine.Benchmarks.Support;

/// <summary>What the advice benchmarks serve from: a cached region, the cached trained ranker, its shortlists and leerwerk.</summary>
internal sealed class AdviceFixture : IDisposable
{
    private readonly PromotedModel<TrainedRanker> _ranker;
    private readonly LeerwerkService _leerwerk;
    private readonly DataToday _today;

    public AdviceFixture(int candidates, int vacancies)
    {
        _ranker = SyntheticRanker.Load();
        Catalog = CatalogService.Open(CachedRegion.Catalog(candidates, vacancies), TimeProvider.System);
        Pool = new CandidatePool(Catalog.Store);
        Shortlists = new ShortlistService(Catalog, Pool, _ranker);
        _today = new DataToday(Catalog.Store, TimeProvider.System);
        _leerwerk = new LeerwerkService(Catalog, Pool, RouteSuccessModels.Follow(new ModelRegistry(Path.GetTempPath(), TimeProvider.System), null), _today);
    }

    /// <summary>The synthetic region's "today".</summary>
    public static DateOnly AsOf => Training.Synth.SynthOptions.DefaultAsOf;

    public CatalogService Catalog { get; }
    public CandidatePool Pool { get; }
    public ShortlistService Shortlists { get; }

    /// <summary>A new advice service: nothing known yet (no top-10 bar, no training needs).</summary>
    public AdviceService NewAdvice() => new(Catalog, Pool, _ranker, _leerwerk, _today);

    public void Dispose()
    {
        _ranker.Dispose();
        Catalog.Dispose();
    }
}
