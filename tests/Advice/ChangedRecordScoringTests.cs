using MatchEngine.Engine;
using MatchEngine.Engine.Advice;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Index;
using MatchEngine.Engine.Leerwerk;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Ranking;
using MatchEngine.Models.Registry;
using MatchEngine.Tests.Support;

namespace MatchEngine.Tests.Advice;

/// <summary>
/// The shortcuts of the training needs, checked against the straightforward computation: a changed record's vector
/// recomputes only the features that read what a step changes, a pool's top-10 bar places a score as counting the
/// scores above it does, a linear model's bound on what changes can add holds, and the training needs equal a count that
/// featurizes every changed record in full.
/// </summary>
public sealed class ChangedRecordScoringTests : IClassFixture<TrainedRegion>, IDisposable
{
    private readonly TrainedRegion _region;
    private readonly CatalogService _catalog;
    private readonly CandidatePool _pool;
    private readonly PromotedModel<TrainedRanker> _ranker;

    public ChangedRecordScoringTests(TrainedRegion region)
    {
        _region = region;
        _catalog = CatalogService.Open(region.Layout, TimeProvider.System);
        var registry = new ModelRegistry(region.Layout.ModelsPath, TimeProvider.System);
        _pool = new CandidatePool(_catalog.Store);
        _ranker = RankerModels.Follow(registry, null);
    }

    public void Dispose()
    {
        _ranker.Dispose();
        _catalog.Dispose();
    }

    private static PreparedVacancy[] OpenVacancies(CatalogService catalog) =>
        [.. catalog.Index.Search(new VacancyQuery { OpenOn = TrainedRegion.Today, Top = AdviceService.MaxVacancies })
            .Select(h => catalog.Store.GetVacancy(h.Id)!).Select(v => new PreparedVacancy(v, catalog.Store.GetEmployer(v.EmployerId)))];

    /// <summary>
    /// Each step of the first <paramref name="candidates"/> of the pool against the first 25 open vacancies: the pair's vector
    /// before and after the step, featurized in full with a BM25 of 1.5.
    /// </summary>
    private IEnumerable<(PreparedVacancy Vacancy, PreparedCandidate Candidate, AdviceStep Step, PreparedCandidate Changed, float[] Before, float[] After)>
        StepsAgainstVacancies(int candidates)
    {
        var vacancies = OpenVacancies(_catalog).Take(25).ToArray();
        foreach (var candidate in _pool.All.Take(candidates))
            foreach (var step in AttainableSteps.For(candidate.Candidate, _region.World.Routes))
            {
                var changed = new PreparedCandidate(step.Apply(candidate.Candidate));
                foreach (var vacancy in vacancies)
                    yield return (vacancy, candidate, step, changed, PairFeatures.Featurize(vacancy, candidate, 1.5f), PairFeatures.Featurize(vacancy, changed, 1.5f));
            }
    }

    [Fact]
    public void ChangedVector_EqualsTheChangedRecordFeaturizedInFull()
    {
        int steps = 0, unchanged = 0;
        foreach (var (vacancy, candidate, step, changed, original, full) in StepsAgainstVacancies(300))
        {
            var shortcut = new float[original.Length];
            var differs = PairFeatures.Changed(vacancy, changed, PairFeatures.DistanceKm(vacancy, candidate), 1.5f, original, step.Changes, shortcut);
            Assert.Equal(full, differs ? shortcut : original);
            steps++;
            if (!differs) unchanged++;
        }
        // Both branches are exercised: most steps leave a vacancy's features alone, and many do not.
        Assert.InRange(unchanged, 1, steps - 1);
    }

    [Fact]
    public void Bar_PlacesAScoreAsCountingTheScoresAboveIt()
    {
        var model = RankerModels.Current(_ranker).Model;
        foreach (var vacancy in OpenVacancies(_catalog).Take(10))
        {
            var whole = PoolScores.Of(_catalog, _pool, model, vacancy, "GV");
            var ids = _pool.All.Where(c => c.Candidate.Region == "GV").Select(c => c.Candidate.Id).Take(200).ToArray();
            foreach (var scores in new[] { whole, whole.Trimmed() })
                foreach (var id in ids)
                    foreach (var score in new[] { -5f, 0f, 0.5f, 1f, 2f, 5f, scores.Bar(id), scores.Bar(id) - 1e-4f })
                    {
                        var place = whole.PlaceOf(id, score);
                        Assert.Equal(place is <= 10, scores.InTop(id, score));
                    }
        }
    }

    /// <summary>
    /// A linear model (logistic regression, plain or on a hinge basis) also skips the candidates no change can lift past a bar; a tree ensemble
    /// (LambdaMART) scores every changed record that changes a feature.
    /// </summary>
    [Theory]
    [InlineData(RankerKind.Logistic)]
    [InlineData(RankerKind.SplineLogistic)]
    [InlineData(RankerKind.FastTree)]
    public void TrainingNeeds_EqualACountThatFeaturizesEveryChangedRecordInFull(RankerKind kind)
    {
        using var dir = new TempDirectory();
        _region.CopyDataTo(dir.File("data"));
        var layout = new DataLayout(dir.File("data"));
        var registry = new ModelRegistry(layout.ModelsPath, TimeProvider.System);
        var version = registry.List(RankerModels.Name).Last(m => m.Kind == kind.ToString()).Version;
        registry.Promote(version, "test", "test: every kind of ranker", byAdmin: true);
        using var catalog = CatalogService.Open(layout, TimeProvider.System);
        var pool = new CandidatePool(catalog.Store);
        using var ranker = RankerModels.Follow(registry, null);
        var model = RankerModels.Current(ranker).Model;
        Assert.Equal(kind != RankerKind.FastTree, model.IsAdditive);
        var today = new DataToday(catalog.Store, new FixedClock(TrainedRegion.Today));
        var advice = new AdviceService(catalog, pool, ranker, new LeerwerkService(catalog, pool, RouteSuccessModels.Follow(registry, null), today), today);
        const string region = "GV";
        var jobs = CurrentJobs.On(catalog.Store.Placements(), TrainedRegion.Today);
        Assert.Contains(pool.All, c => c.Candidate.Region == region && jobs.Of(c.Candidate.Id) is not null);
        // Candidates at work on the day are not counted: training is bought for people in the bijstand.
        var candidates = pool.All.Where(c => c.Candidate.Region == region && jobs.Of(c.Candidate.Id) is null).ToArray();
        var pairs = new Dictionary<string, HashSet<(string Candidate, string Vacancy)>>(StringComparer.Ordinal);
        foreach (var vacancy in OpenVacancies(catalog))
        {
            var bm25 = new Dictionary<string, float>(StringComparer.Ordinal);
            var scores = PoolScores.Of(catalog, pool, model, vacancy, region, (id, s) => bm25[id] = s);
            var near = candidates.Where(c => vacancy.Vacancy.Location.DistanceKm(c.Location) <= 2 * c.MaxDistanceKm).ToArray();
            var text = catalog.Index.ScoreCandidates(new ShortlistFilters([region]).QueryFor(vacancy.Vacancy).Text, [.. near.Select(c => c.Candidate.Id)]);
            foreach (var c in near)
            {
                var id = c.Candidate.Id;
                var relevance = bm25.TryGetValue(id, out var retrieved) ? retrieved : text.GetValueOrDefault(id);
                if (scores.PlaceOf(id, model.Score([PairFeatures.Featurize(vacancy, c, relevance)])[0]) <= 10) continue;
                foreach (var step in AttainableSteps.For(c.Candidate, _region.World.Routes))
                {
                    var after = model.Score([PairFeatures.Featurize(vacancy, new PreparedCandidate(step.Apply(c.Candidate)), relevance)])[0];
                    if (scores.PlaceOf(id, after) <= 10) Set(pairs, step.Route?.Id ?? "transport").Add((id, vacancy.Vacancy.Id));
                }
            }
        }
        var expected = pairs.ToDictionary(p => p.Key, p => (Candidates: p.Value.Select(x => x.Candidate).Distinct().Count(),
            Vacancies: p.Value.Select(x => x.Vacancy).Distinct().Count(), Pairs: p.Value.Count), StringComparer.Ordinal);

        var needs = advice.TrainingNeeds(region, TrainedRegion.Today);

        Assert.NotEmpty(needs);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), needs.Select(n => n.Key).Order(StringComparer.Ordinal));
        Assert.All(needs, n => Assert.Equal(expected[n.Key], (n.Candidates, n.Vacancies, n.CandidateVacancyPairs)));
    }

    [Fact]
    public void EveryChangedFeature_MovesOnlyTowardsItsFurthestValue()
    {
        // With a slope of +1 or −1 on one feature at a time, the most changes can add is the distance to its furthest value
        // in the direction the slope rewards; every step's changed vector must stay within it.
        var count = PairFeatures.Names.Count;
        var moved = 0;
        foreach (var (vacancy, _, step, _, original, after) in StepsAgainstVacancies(200))
            for (var i = 0; i < count; i++)
            {
                if (after[i] == original[i]) continue;
                moved++;
                var sign = Math.Sign(after[i] - original[i]);
                var i1 = i;
                Assert.True(Math.Abs(after[i] - original[i]) <= PairFeatures.MostChangesCanAdd(vacancy, original, (j, from, to) => j == i1 ? Math.Max(0, sign * (to - from)) : 0) + 1e-6,
                    $"{PairFeatures.Names[i]} moved from {original[i]} to {after[i]} by {step.Key}");
            }
        Assert.True(moved > 0);
    }

    private static HashSet<(string, string)> Set(Dictionary<string, HashSet<(string, string)>> sets, string key) =>
        sets.TryGetValue(key, out var set) ? set : sets[key] = [];
}
