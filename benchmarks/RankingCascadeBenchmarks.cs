using BenchmarkDotNet.Attributes;
using MatchEngine.Benchmarks.Support;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Index;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Ranking;
using MatchEngine.Models.Registry;
using MatchEngine.Training.Synth;

namespace MatchEngine.Benchmarks;

/// <summary>
/// Question: what does ranking a shortlist's 1,000 retrieved candidates through a <see cref="RankingCascade"/> save
/// against putting every candidate through every tree, and how often does it change the shortlist? Both rank the
/// featurized retrievals of the first 200 vacancies of the cached 100,000-candidate region with the cached ranker
/// and keep the top 20 as <see cref="ShortlistService"/> does (score, then candidate id); one call = all 200. The
/// setup prints, for several cascades, how many of the 200 top-20 lists are identical to exhaustive scoring (same
/// candidates in the same order), the share of the exhaustive top 20 that the cascade's top 20 keeps, and how good
/// the candidates of both top 20s are by the synthetic generator's hidden truth (the mean of
/// <see cref="Compatibility.ExpectedLogOdds"/> over each list, averaged over the vacancies).
/// </summary>
[Config(typeof(Config))]
public class RankingCascadeBenchmarks
{
    private const int VacancyCount = 200;
    private const int Top = 20;
    private static readonly RankingCascade[] Compared = [new(25, 200), new(50, 200), new(100, 200), new(50, 300), new(50, 400), new(75, 400), new(50, 500)];

    private PromotedModel<TrainedRanker>? _ranker;
    private (string[] Ids, float[][] Features, double[] Truth)[] _vacancies = [];

    [GlobalSetup]
    public void Setup()
    {
        _ranker = SyntheticRanker.Load();
        using var catalog = CatalogService.Open(CachedRegion.Catalog(100_000, 2_000), TimeProvider.System);
        var pool = new CandidatePool(catalog.Store).Snapshot();
        _vacancies = catalog.Store.Vacancies().OrderBy(v => v.Id, StringComparer.Ordinal).Take(VacancyCount).Select(v =>
        {
            var employer = catalog.Store.GetEmployer(v.EmployerId) ?? throw new InvalidOperationException($"vacancy {v.Id}: no employer {v.EmployerId}");
            var prepared = new PreparedVacancy(v, employer);
            var hits = catalog.Index.Search(CandidateQuery.ForVacancy(v, ShortlistFilters.DefaultDepth)).Where(h => pool.ContainsKey(h.Id)).ToArray();
            return (hits.Select(h => h.Id).ToArray(), hits.Select(h => PairFeatures.Featurize(prepared, pool[h.Id], h.Score)).ToArray(),
                hits.Select(h => Compatibility.ExpectedLogOdds(v, employer, pool[h.Id].Candidate)).ToArray());
        }).ToArray();
        var exhaustive = _vacancies.Select(v => Shortlist(v, RankingCascade.Exhaustive)).ToArray();
        var exhaustiveTruth = _vacancies.Zip(exhaustive).Average(p => MeanTruth(p.First, p.Second));
        Console.WriteLine($"// {_vacancies.Length} vacancies, {_vacancies.Average(v => v.Ids.Length):0} retrieved on average; " +
            $"{Model.Kind} of {Model.TreeCount} trees");
        foreach (var cascade in Compared)
        {
            var lists = _vacancies.Select(v => Shortlist(v, cascade)).ToArray();
            var identical = lists.Zip(exhaustive).Count(p => p.First.SequenceEqual(p.Second));
            var kept = lists.Zip(exhaustive).Average(p => p.First.Intersect(p.Second).Count() / (double)p.Second.Length);
            var truth = _vacancies.Zip(lists).Average(p => MeanTruth(p.First, p.Second));
            Console.WriteLine($"// cascade {cascade.FirstStageTrees} trees, {cascade.Survivors} survivors: {identical} of {lists.Length} top-{Top} lists identical, " +
                $"{kept:P2} of the exhaustive top {Top} kept; hidden truth of the top {Top} {truth:0.0000} against {exhaustiveTruth:0.0000} exhaustive");
        }
    }

    [Benchmark(Baseline = true, Description = "every row through every tree, 200 vacancies")]
    public int Exhaustive() => _vacancies.Sum(v => Shortlist(v, RankingCascade.Exhaustive).Length);

    [Benchmark(Description = "cascade 50 trees / 400 survivors (default), 200 vacancies")]
    public int Default() => _vacancies.Sum(v => Shortlist(v, RankingCascade.Default).Length);

    [Benchmark(Description = "cascade 50 trees / 200 survivors, 200 vacancies")]
    public int Lean() => _vacancies.Sum(v => Shortlist(v, new RankingCascade(50, 200)).Length);

    [GlobalCleanup]
    public void Cleanup() => _ranker?.Dispose();

    private TrainedRanker Model => _ranker!.Current!.Value.Model;

    /// <summary>The rows of the top candidates, ranked as <see cref="ShortlistService"/> ranks them.</summary>
    private int[] Shortlist((string[] Ids, float[][] Features, double[] Truth) vacancy, RankingCascade cascade) =>
        ShortlistService.Best(Model, vacancy.Features, row => vacancy.Ids[row], Top, cascade).Select(s => s.Row).ToArray();

    private static double MeanTruth((string[] Ids, float[][] Features, double[] Truth) vacancy, int[] rows) => rows.Average(r => vacancy.Truth[r]);

    /// <summary>Monitoring: one call (200 vacancies) per iteration, 5 warm-ups and 30 measured.</summary>
    private sealed class Config : LatencyConfig
    {
        public Config() : base(warmup: 5, iterations: 30)
        {
        }
    }
}
