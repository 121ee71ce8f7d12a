using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Ranking;
using MatchEngine.Models.Registry;

namespace MatchEngine.Benchmarks.Support;

/// <summary>
/// What the shortlist benchmarks serve from: the cached 100,000-candidate region (2,000 open vacancies), the
/// cached trained ranker, and the first vacancy in id order whose retrieval fills the full depth of 1,000.
/// </summary>
internal sealed class ShortlistFixture : IDisposable
{
    public const int Top = 20;

    private readonly PromotedModel<TrainedRanker> _ranker;

    public ShortlistFixture()
    {
        _ranker = SyntheticRanker.Load();
        Catalog = CatalogService.Open(CachedRegion.Catalog(100_000, 2_000), TimeProvider.System);
        Pool = new CandidatePool(Catalog.Store);
        Service = new ShortlistService(Catalog, Pool, _ranker);
        Vacancy = Catalog.Store.Vacancies().OrderBy(v => v.Id, StringComparer.Ordinal).Take(200)
            .FirstOrDefault(v => Service.For(v, Top, new ShortlistFilters()).Retrieved >= ShortlistFilters.DefaultDepth)
            ?? throw new InvalidOperationException("no vacancy retrieves 1,000 candidates");
        Prepared = new PreparedVacancy(Vacancy, Catalog.Store.GetEmployer(Vacancy.EmployerId));
        Console.WriteLine($"// vacancy {Vacancy.Id} ({Vacancy.Title}); pool {Pool.Count} consenting candidates; model {_ranker.Current!.Value.Manifest.Kind}");
    }

    public CatalogService Catalog { get; }
    public CandidatePool Pool { get; }
    public ShortlistService Service { get; }
    public Vacancy Vacancy { get; }
    public PreparedVacancy Prepared { get; }
    public TrainedRanker Model => _ranker.Current!.Value.Model;

    public void Dispose()
    {
        _ranker.Dispose();
        Catalog.Dispose();
    }
}
