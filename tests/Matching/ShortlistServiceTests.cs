using MatchEngine.Engine.Domain;
using MatchEngine.Engine;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Index;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Ranking;
using MatchEngine.Models.Registry;
using MatchEngine.Tests.Support;
using MatchEngine.Training.Ranking;

namespace MatchEngine.Tests.Matching;

public sealed class ShortlistServiceTests : IClassFixture<TrainedRegion>, IDisposable
{
    private readonly TrainedRegion _region;
    private readonly CatalogService _catalog;
    private readonly PromotedModel<TrainedRanker> _ranker;
    private readonly ShortlistService _shortlists;

    public ShortlistServiceTests(TrainedRegion region)
    {
        _region = region;
        _catalog = CatalogService.Open(region.Layout, TimeProvider.System);
        _ranker = RankerModels.Follow(new ModelRegistry(region.Layout.ModelsPath, TimeProvider.System), null);
        _shortlists = new ShortlistService(_catalog, new CandidatePool(_catalog.Store), _ranker);
    }

    public void Dispose()
    {
        _ranker.Dispose();
        _catalog.Dispose();
    }

    private string OpenVacancy() => _region.World.Vacancies.First(v => v.IsOpenOn(TrainedRegion.Today) && v.Sector == "logistiek").Id;

    [Fact]
    public void For_Vacancy_RanksBestFirstWithReasonsAndOnlyConsentingCandidates()
    {
        var shortlist = _shortlists.For(OpenVacancy(), 20);
        Assert.Equal(20, shortlist.Candidates.Count);
        Assert.Equal(shortlist.Candidates.Select(c => c.Score).OrderDescending(), shortlist.Candidates.Select(c => c.Score));
        Assert.All(shortlist.Candidates, c => Assert.NotEmpty(c.Reasons));
        var consenting = _region.World.Candidates.Where(c => c.ConsentMatching).Select(c => c.Id).ToHashSet();
        Assert.All(shortlist.Candidates, c => Assert.Contains(c.CandidateId, consenting));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(44)]
    [InlineData(200)]
    public void Best_TiedScoresAcrossTheCut_AreOrderedByScoreThenId(int top)
    {
        var (model, _) = RankerModels.Current(_ranker);
        var vacancy = _catalog.Store.GetVacancy(OpenVacancy())!;
        var prepared = new PreparedVacancy(vacancy, _catalog.Store.GetEmployer(vacancy.EmployerId));
        var retrieved = CandidateRetrieval.For(_catalog, new CandidatePool(_catalog.Store), prepared, new ShortlistFilters()).Take(30).ToArray();
        // Every vector three times, so each score is a three-way tie; ids run against the rows, so the tie-break decides.
        var features = Enumerable.Repeat(retrieved, 3).SelectMany(r => r).Select(r => PairFeatures.Featurize(prepared, r.Candidate, r.Bm25)).ToArray();
        string IdOf(int row) => $"c{features.Length - row:D3}";
        var scores = model.Score(features);
        var expected = Enumerable.Range(0, features.Length).OrderByDescending(i => scores[i]).ThenBy(IdOf, StringComparer.Ordinal).Take(top).ToArray();

        var best = ShortlistService.Best(model, features, IdOf, top, RankingCascade.Exhaustive);

        Assert.Equal(expected, best.Select(s => s.Row));
        Assert.Equal(expected.Select(i => scores[i]), best.Select(s => s.Score));
    }

    [Fact]
    public void For_CascadeThatCuts_ShowsExhaustiveScoresAndKeepsTheBest()
    {
        var vacancy = OpenVacancy();
        var pool = new CandidatePool(_catalog.Store);
        var exhaustive = new ShortlistService(_catalog, pool, _ranker, RankingCascade.Exhaustive).For(vacancy, ShortlistService.MaxTop);
        var cut = new ShortlistService(_catalog, pool, _ranker, new RankingCascade(FirstStageTrees: 20, Survivors: 15)).For(vacancy, 10);
        Assert.True(exhaustive.Retrieved > 15, $"the cascade must have rows to cut: {exhaustive.Retrieved} retrieved");

        Assert.Equal(exhaustive.Retrieved, cut.Retrieved);
        Assert.Equal(10, cut.Candidates.Count);
        var fullScores = exhaustive.Candidates.ToDictionary(c => c.CandidateId, c => c.Score);
        Assert.All(cut.Candidates, c => Assert.Equal(fullScores[c.CandidateId], c.Score));
        Assert.Equal(exhaustive.Candidates[0].CandidateId, cut.Candidates[0].CandidateId);
    }

    [Fact]
    public void For_Explanations_MatchTheRecords()
    {
        var vacancy = _catalog.Store.GetVacancy(OpenVacancy())!;
        foreach (var entry in _shortlists.For(vacancy.Id, 10).Candidates)
        {
            var candidate = _catalog.Store.GetCandidate(entry.CandidateId)!;
            var km = vacancy.Location.DistanceKm(candidate.Location);
            foreach (var reason in entry.Reasons.Where(r => r.StartsWith("woont op", StringComparison.Ordinal)))
                Assert.StartsWith($"woont op {Dutch.Km(km)}", reason, StringComparison.Ordinal);
            foreach (var cert in vacancy.CertificatesRequired.Where(c => !candidate.Certificates.Contains(c)))
                Assert.Contains($"mist {cert}", entry.Gaps);
            if (km > candidate.MaxDistanceKm) Assert.Contains(Dutch.BeyondReach(km, candidate.MaxDistanceKm), entry.Gaps);
        }
    }

    [Fact]
    public void For_NoWallsAsked_KeepsCandidatesWhoMissHoursReachShiftsOrStartAndNamesTheGaps()
    {
        var mismatched = 0;
        foreach (var vacancy in _region.World.Vacancies.Where(v => v.IsOpenOn(TrainedRegion.Today)).Take(15))
        {
            foreach (var entry in _shortlists.For(vacancy.Id, 50).Candidates)
            {
                var c = _catalog.Store.GetCandidate(entry.CandidateId)!;
                var km = vacancy.Location.DistanceKm(c.Location);
                if (c.HoursMax < vacancy.HoursMin || c.HoursMin > vacancy.HoursMax)
                {
                    mismatched++;
                    Assert.Contains(entry.Gaps, g => g.StartsWith($"wil {c.HoursMin:0}", StringComparison.Ordinal) && g.Contains($"uur, vraagt {vacancy.HoursMin:0}", StringComparison.Ordinal));
                }
                if (km > c.MaxDistanceKm)
                {
                    mismatched++;
                    Assert.Contains(Dutch.BeyondReach(km, c.MaxDistanceKm), entry.Gaps);
                }
                if (!vacancy.Shifts.Any(c.ShiftsOk.Contains))
                {
                    mismatched++;
                    Assert.Contains(entry.Gaps, g => g.StartsWith("kan geen ", StringComparison.Ordinal));
                }
                if (c.AvailableFrom > CandidateQuery.StartOf(vacancy))
                {
                    mismatched++;
                    Assert.Contains(entry.Gaps, g => g.StartsWith("beschikbaar vanaf ", StringComparison.Ordinal));
                }
            }
        }
        Assert.True(mismatched > 0, "soft constraints must let some mismatched candidates through");
    }

    [Fact]
    public void For_WallsAsked_KeepOnlyCandidatesWhoMeetThem()
    {
        foreach (var vacancy in _region.World.Vacancies.Where(v => v.IsOpenOn(TrainedRegion.Today)).Take(10))
        {
            var by = CandidateQuery.StartOf(vacancy);
            var filters = new ShortlistFilters([], by) { MaxKm = 15, StrictHours = true, StrictShifts = true };
            var strict = _shortlists.For(vacancy.Id, 50, filters);
            Assert.True(strict.Retrieved <= _shortlists.For(vacancy.Id, 50).Retrieved);
            foreach (var entry in strict.Candidates)
            {
                var c = _catalog.Store.GetCandidate(entry.CandidateId)!;
                Assert.True(vacancy.Location.DistanceKm(c.Location) <= 15 * 1.0001);
                Assert.True(c.HoursMax >= vacancy.HoursMin && c.HoursMin <= vacancy.HoursMax);
                Assert.Contains(vacancy.Shifts, c.ShiftsOk.Contains);
                Assert.True(c.AvailableFrom <= by);
                Assert.DoesNotContain(entry.Gaps, g => g.StartsWith("wil ", StringComparison.Ordinal) || g.StartsWith("beschikbaar vanaf ", StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void For_CandidatesAtWork_HaveTheJobAsFirstGapAndAreLeftOutOnlyWhenAsked()
    {
        var jobs = CurrentJobs.On(_catalog.Store.Placements(), TrainedRegion.Today);
        var atWork = 0;
        foreach (var vacancy in _region.World.Vacancies.Where(v => v.IsOpenOn(TrainedRegion.Today)).Take(10))
        {
            var soft = _shortlists.For(vacancy.Id, 30, null, jobs);
            foreach (var entry in soft.Candidates.Where(e => jobs.Of(e.CandidateId) is not null))
            {
                atWork++;
                Assert.Equal(jobs.Of(entry.CandidateId)!.Gap, entry.Gaps[0]);
            }
            Assert.All(soft.Candidates.Where(e => jobs.Of(e.CandidateId) is null), e => Assert.DoesNotContain(e.Gaps, g => g.StartsWith("werkt ", StringComparison.Ordinal)));
            var free = _shortlists.For(vacancy.Id, 30, new ShortlistFilters { ExcludeWorking = true }, jobs);
            Assert.Equal(30, free.Candidates.Count);
            Assert.All(free.Candidates, e => Assert.Null(jobs.Of(e.CandidateId)));
            Assert.True(free.Retrieved < soft.Retrieved, vacancy.Id);
            var softFree = soft.Candidates.Where(e => jobs.Of(e.CandidateId) is null).Select(e => e.CandidateId).ToArray();
            Assert.Equal(softFree, free.Candidates.Select(e => e.CandidateId).Take(softFree.Length));
        }
        Assert.True(atWork > 0, "the synthetic region has people at work on its shortlists");
    }

    [Fact]
    public void Retrieval_LeavingOutTheBestTextHits_FillsTheDepthWithTheNextOnes()
    {
        var vacancy = _catalog.Store.GetVacancy(OpenVacancy())!;
        var prepared = new PreparedVacancy(vacancy, _catalog.Store.GetEmployer(vacancy.EmployerId));
        var pool = new CandidatePool(_catalog.Store);
        var all = CandidateRetrieval.For(_catalog, pool, prepared, new ShortlistFilters { RetrievalDepth = 60 });
        var leftOut = all.Take(10).Select(r => r.Candidate.Candidate.Id).ToHashSet(StringComparer.Ordinal);

        var rest = CandidateRetrieval.For(_catalog, pool, prepared, new ShortlistFilters { RetrievalDepth = 50 }, leftOut);

        // The first 60 of the whole retrieval are its text hits; without the 10 best, the 50 text hits are the next 50.
        Assert.Equal(all.Skip(10).Take(50).Select(r => r.Candidate.Candidate.Id), rest.Take(50).Select(r => r.Candidate.Candidate.Id));
        Assert.Equal(all.Count - leftOut.Count, rest.Count);
        Assert.DoesNotContain(rest, r => leftOut.Contains(r.Candidate.Candidate.Id));
    }

    [Fact]
    public void For_BadMaxKm_IsInvalidRequest() =>
        Assert.Equal("max_km", Assert.Throws<InvalidRequestException>(() => _shortlists.For(OpenVacancy(), 5, new ShortlistFilters { MaxKm = -1 })).Field);

    /// <summary>Every range refusal echoes the value, and both sides are written the Dutch way.</summary>
    [Fact]
    public void For_ValuesOutOfRange_EchoTheValueInDutchNumbers()
    {
        string Reason(Action call) => Assert.Throws<InvalidRequestException>(call).Reason;
        Assert.Equal("moet > 0 en ≤ 1.000 zijn, niet 1.500,5", Reason(() => _shortlists.For(OpenVacancy(), 5, new ShortlistFilters { MaxKm = 1500.5 })));
        Assert.Equal($"moet 1–{ShortlistService.MaxTop} zijn, niet 100.000", Reason(() => _shortlists.For(OpenVacancy(), 100_000)));
        Assert.Equal("moet 1–10.000 zijn, niet 20.000", Reason(() => _shortlists.For(OpenVacancy(), 5, new ShortlistFilters([], null, 20_000))));
        Assert.Equal("moet 1–1.000 zijn, niet 100.000", Reason(() => new SearchSpec(Engine.Contract.EntityKind.Vacancy, "heftruck", [], null, null, null, null, null, 100_000).Run(null!)));
    }

    [Fact]
    public void For_PromotedModel_ShowsACalibratedChanceThatFollowsTheScore()
    {
        var shortlist = _shortlists.For(OpenVacancy(), 20);
        Assert.All(shortlist.Candidates, c => Assert.InRange(c.Chance!.Value, 0, 1));
        Assert.Equal(shortlist.Candidates.Select(c => c.Chance!.Value).OrderDescending(), shortlist.Candidates.Select(c => c.Chance!.Value));
    }

    [Fact]
    public void For_TopFive_DoNotAllLeadWithTheSameReasonWhenTheirContributionsDiffer()
    {
        var model = _ranker.Current!.Value.Model;
        var checkedLists = 0;
        foreach (var vacancy in _region.World.Vacancies.Where(v => v.IsOpenOn(TrainedRegion.Today)).Take(10))
        {
            var top = _shortlists.For(vacancy.Id, 5).Candidates;
            if (top.Count < 5 || top.Any(c => c.Reasons.Count == 0)) continue;
            var prepared = new PreparedVacancy(vacancy, _catalog.Store.GetEmployer(vacancy.EmployerId));
            var pool = new CandidatePool(_catalog.Store);
            var features = top.Select(c => PairFeatures.Featurize(prepared, pool.Get(c.CandidateId)!,
                _catalog.Index.ScoreCandidates(CandidateQuery.ForVacancy(vacancy, 1).Text, [c.CandidateId]).GetValueOrDefault(c.CandidateId))).ToArray();
            var contributions = model.Contributions(features);
            if (contributions.Skip(1).All(row => row.SequenceEqual(contributions[0]))) continue;
            checkedLists++;
            Assert.True(top.Select(c => c.Reasons[0]).Distinct().Count() > 1, $"{vacancy.Id}: all of the top 5 lead with '{top[0].Reasons[0]}'");
        }
        Assert.True(checkedLists > 0);
    }

    [Fact]
    public void For_SamePairOnTrainingAndServingPaths_GivesTheSameVector()
    {
        var groups = RankingDataset.Build(_catalog, new CandidatePool(_catalog.Store), null);
        var group = groups.First(g => g.Labels.Contains(2));
        var pool = new CandidatePool(_catalog.Store);
        var prepared = new PreparedVacancy(group.Vacancy, _catalog.Store.GetEmployer(group.Vacancy.EmployerId));
        // Serving: retrieval gives BM25 for the candidate; training: the index scores the same text for the same id.
        var serving = _catalog.Index.Search(CandidateQuery.ForVacancy(group.Vacancy, 5000));
        for (var i = 0; i < group.CandidateIds.Count; i++)
        {
            var hit = serving.FirstOrDefault(h => h.Id == group.CandidateIds[i]);
            if (hit is null) continue;
            Assert.Equal(group.Features[i], PairFeatures.Featurize(prepared, pool.Get(hit.Id)!, hit.Score));
        }
    }

    [Fact]
    public void For_UnknownVacancy_IsNotFound() =>
        Assert.Throws<RecordNotFoundException>(() => _shortlists.For("v-nope", 5));

    [Fact]
    public void For_FarAwayVacancy_RanksCandidatesWithTheDistanceAsAGapUnlessAWallIsAsked()
    {
        var vacancy = _catalog.Store.GetVacancy(OpenVacancy())! with { Id = "v-remote", Lat = 53.2, Lon = 6.5 };
        var soft = _shortlists.For(vacancy, 5, new ShortlistFilters());
        Assert.NotEmpty(soft.Candidates);
        Assert.All(soft.Candidates, c => Assert.Contains(c.Gaps, g => g.Contains("km, reist tot", StringComparison.Ordinal)));
        Assert.Empty(_shortlists.For(vacancy, 5, new ShortlistFilters { MaxKm = 30 }).Candidates);
    }

    [Fact]
    public void For_BadTop_IsInvalidRequest() =>
        Assert.Equal("top", Assert.Throws<InvalidRequestException>(() => _shortlists.For(OpenVacancy(), 0)).Field);

    [Fact]
    public void For_NoTrainedModel_SaysHowToTrain()
    {
        using var empty = new TempDirectory();
        using var ranker = RankerModels.Follow(new ModelRegistry(empty.Path, TimeProvider.System), null);
        var service = new ShortlistService(_catalog, new CandidatePool(_catalog.Store), ranker);
        Assert.Contains("train ranker", Assert.Throws<PreconditionFailedException>(() => service.For(OpenVacancy(), 5)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_HeldOut_LearnedModelBeatsBm25AndReportsEveryModel()
    {
        var models = _region.Run.Models.ToDictionary(m => m.Name);
        Assert.Equal(["bm25", "lambdamart", "lambdamart+pool", "lightgbm", "lightgbm+pool", "logistic", "rule", "spline"], models.Keys.Order());
        Assert.True(models["lambdamart"].Metrics.Ndcg10 > models["bm25"].Metrics.Ndcg10);
        Assert.InRange(_region.Run.RetrievalRecall, 0.9, 1.0);
        Assert.All(models.Values, m => Assert.True(m.WholePool.Groups > 0 && m.WholePool.Groups == _region.Run.Evaluator.Holdout.WholePool.Groups.Count));
        Assert.True(models["lambdamart"].WholePool.Ndcg10 > models["bm25"].WholePool.Ndcg10, "the learned ranker ranks the whole pool better than text alone");
        var learned = models.Values.Where(m => m.Version is not null).ToArray();
        var best = learned.Single(m => m.Version == _region.Run.Best);
        Assert.Same(RankerTrainingRun.Select(learned), best);
    }

    [Fact]
    public void RecommendVacancies_Candidate_ReturnsOpenVacanciesWithinReach()
    {
        var candidate = _region.World.Candidates.First(c => c.ConsentMatching && c.MaxDistanceKm >= 10);
        var service = new ShortlistService(_catalog, new CandidatePool(_catalog.Store), _ranker);
        var recommendations = service.RecommendVacancies(candidate.Id, 5, TrainedRegion.Today);
        Assert.NotEmpty(recommendations);
        Assert.All(recommendations, r => Assert.True(_catalog.Store.GetVacancy(r.VacancyId)!.IsOpenOn(TrainedRegion.Today)));
    }
}
