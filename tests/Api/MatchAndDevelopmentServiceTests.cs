using MatchEngine.Engine.Access;
using Google.Rpc;
using Grpc.Core;
using MatchEngine.Api.V1;
using MatchEngine.Tests.Support;
using Dutch = MatchEngine.Engine.Domain.Dutch;
using GrpcStatusCode = Grpc.Core.StatusCode;
using Record = MatchEngine.Api.V1.Record;

namespace MatchEngine.Tests.Api;

public sealed class MatchAndDevelopmentServiceTests(TrainedRegion region) : IClassFixture<TrainedRegion>, IAsyncLifetime
{
    private ApiServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await ApiServer.StartAsync(prepareData: region.CopyDataTo, clock: new FixedClock(TrainedRegion.Today));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private string OpenVacancy(string sector = "logistiek") => region.World.Vacancies.First(v => v.IsOpenOn(TrainedRegion.Today) && v.Sector == sector).Id;

    [Fact]
    public async Task Shortlist_OverGrpc_ReturnsRankedCandidatesWithPositionsReasonsAndGaps()
    {
        var client = new Match.MatchClient(_server.Channel);
        var response = await client.ShortlistAsync(new ShortlistRequest { VacancyId = OpenVacancy(), Top = 10 });
        Assert.Equal(10, response.Candidates.Count);
        Assert.Equal(Enumerable.Range(1, 10), response.Candidates.Select(c => c.Position));
        Assert.StartsWith("ranker-v", response.ModelVersion, StringComparison.Ordinal);
        Assert.All(response.Candidates, c => Assert.NotEmpty(c.Reasons));
    }

    [Fact]
    public async Task Shortlist_ClosedVacancyThatHired_CarriesADutchNoticeSayingBothAndStillRanks()
    {
        var client = new Match.MatchClient(_server.Channel);
        var closed = region.World.Vacancies.First(v => v.ClosesAt < TrainedRegion.Today.AddMonths(-1) && v.Sector == "logistiek" && v.Positions == 1
            && region.World.MatchEvents.Any(e => e.VacancyId == v.Id && e.Stage == Engine.Domain.MatchStage.Hired));
        var response = await client.ShortlistAsync(new ShortlistRequest { VacancyId = closed.Id, Top = 5 });
        Assert.Equal($"Deze vacature is op {Dutch.Date(closed.ClosesAt!.Value)} gesloten. Deze vacature is vervuld.", response.Notice);
        Assert.Equal(5, response.Candidates.Count);
        Assert.Equal("", (await client.ShortlistAsync(new ShortlistRequest { VacancyId = OpenVacancy(), Top = 5 })).Notice);
    }

    [Fact]
    public async Task Shortlist_ExcludeWorking_LeavesOutThoseAtWorkOnTheDatasDate()
    {
        var client = new Match.MatchClient(_server.Channel);
        var all = await client.ShortlistAsync(new ShortlistRequest { VacancyId = OpenVacancy(), Top = 20 });
        var working = all.Candidates.Where(c => c.Gaps.Count > 0 && c.Gaps[0].StartsWith("werkt sinds ", StringComparison.Ordinal)).Select(c => c.CandidateId).ToArray();
        Assert.NotEmpty(working);
        var free = await client.ShortlistAsync(new ShortlistRequest { VacancyId = OpenVacancy(), Top = 20, Filters = new ShortlistFilters { ExcludeWorking = true } });
        Assert.Equal(20, free.Candidates.Count);
        Assert.True(free.Retrieved < all.Retrieved);
        Assert.DoesNotContain(free.Candidates, c => working.Contains(c.CandidateId) || c.Gaps.Any(g => g.StartsWith("werkt ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Shortlist_UnknownVacancy_IsNotFound()
    {
        var client = new Match.MatchClient(_server.Channel);
        var e = await Assert.ThrowsAsync<RpcException>(() => client.ShortlistAsync(new ShortlistRequest { VacancyId = "nope" }).ResponseAsync);
        Assert.Equal(GrpcStatusCode.NotFound, e.StatusCode);
    }

    [Fact]
    public async Task Shortlist_BadFilterDate_IsInvalidArgumentNamingTheField()
    {
        var client = new Match.MatchClient(_server.Channel);
        var e = await Assert.ThrowsAsync<RpcException>(() => client.ShortlistAsync(new ShortlistRequest
        {
            VacancyId = OpenVacancy(), Filters = new ShortlistFilters { AvailableBy = "1-1-2025" },
        }).ResponseAsync);
        Assert.Equal(GrpcStatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal("filters.available_by", e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
        var far = await Assert.ThrowsAsync<RpcException>(() => client.ShortlistAsync(new ShortlistRequest
        {
            VacancyId = OpenVacancy(), Filters = new ShortlistFilters { AvailableBy = "9999-12-31" },
        }).ResponseAsync);
        var violation = far.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single();
        Assert.Equal(("filters.available_by", "moet tussen 1 januari 2000 en 31 december 2099 liggen, niet 9999-12-31"), (violation.Field, violation.Description));
        foreach (var (bad, field) in new[] { (new ShortlistFilters { MaxKm = -1 }, "filters.max_km"), (new ShortlistFilters { RetrievalDepth = -5 }, "filters.retrieval_depth"),
            (new ShortlistFilters { FairExposureAttribute = "leeftijd" }, "filters.fair_exposure_attribute") })
        {
            var refused = await Assert.ThrowsAsync<RpcException>(() => client.ShortlistAsync(new ShortlistRequest { VacancyId = OpenVacancy(), Filters = bad }).ResponseAsync);
            Assert.Equal(field, refused.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
        }
    }

    [Fact]
    public async Task RecommendVacancies_OverGrpc_ReturnsVacancies()
    {
        var client = new Match.MatchClient(_server.Channel);
        var candidate = region.World.Candidates.First(c => c.ConsentMatching && c.MaxDistanceKm >= 10);
        var response = await client.RecommendVacanciesAsync(new RecommendVacanciesRequest { CandidateId = candidate.Id, Top = 3 });
        Assert.NotEmpty(response.Vacancies);
        var hidden = region.World.Candidates.First(c => !c.ConsentMatching);
        var e = await Assert.ThrowsAsync<RpcException>(() => client.RecommendVacanciesAsync(new RecommendVacanciesRequest { CandidateId = hidden.Id }).ResponseAsync);
        Assert.Equal(GrpcStatusCode.NotFound, e.StatusCode);
    }

    [Fact]
    public async Task RecommendVacancies_CandidateAtWork_SaysSinceWhenAndHowManyHoursInTheNotice()
    {
        var client = new Match.MatchClient(_server.Channel);
        var jobs = Engine.Catalog.CurrentJobs.On(region.World.Placements, TrainedRegion.Today);
        var working = region.World.Candidates.First(c => c.ConsentMatching && jobs.Of(c.Id) is { Jobs: 1 });
        var job = jobs.Of(working.Id)!;
        var notice = (await client.RecommendVacanciesAsync(new RecommendVacanciesRequest { CandidateId = working.Id, Top = 3 })).Notice;
        Assert.Equal($"Deze kandidaat werkt sinds {Dutch.Date(job.Since)}, {Dutch.Hours(job.HoursPerWeek)} per week.", notice);
        var free = region.World.Candidates.First(c => c.ConsentMatching && jobs.Of(c.Id) is null);
        Assert.Equal("", (await client.RecommendVacanciesAsync(new RecommendVacanciesRequest { CandidateId = free.Id, Top = 3 })).Notice);
    }

    [Fact]
    public async Task CarveJobs_CareHome_ProposesAZorgassistentWithCandidates()
    {
        var client = new Development.DevelopmentClient(_server.Channel);
        var careHome = region.World.Employers.Single(e => e.Name == "Verpleeghuis De Linde");
        var response = await client.CarveJobsAsync(new CarveJobsRequest { EmployerId = careHome.Id, CandidatesPerRole = 3 });
        var role = response.Roles.First();
        Assert.Equal("zorgassistent", role.Title);
        Assert.Subset(new HashSet<string> { "bedden opmaken", "maaltijden rondbrengen", "was verzorgen" }, role.Tasks.Select(t => t.Name).ToHashSet());
        Assert.Equal(3, role.Remaining.Count);
        Assert.Equal(3, role.Candidates.Count);
        Assert.Equal(role.Tasks.Sum(t => t.HoursPerWeek), role.HoursPerWeek, 6);
    }

    [Fact]
    public async Task CarveJobs_SuggestedCandidateAtWork_HasTheJobAsFirstGap()
    {
        var client = new Development.DevelopmentClient(_server.Channel);
        var careHome = region.World.Employers.Single(e => e.Name == "Verpleeghuis De Linde");
        var jobs = Engine.Catalog.CurrentJobs.On(region.World.Placements, TrainedRegion.Today);
        var candidates = (await client.CarveJobsAsync(new CarveJobsRequest { EmployerId = careHome.Id, CandidatesPerRole = 20 })).Roles.SelectMany(r => r.Candidates).ToArray();
        Assert.Contains(candidates, c => jobs.Of(c.CandidateId) is not null);
        Assert.All(candidates, c => Assert.Equal(jobs.Of(c.CandidateId)?.Gap, c.Gaps.FirstOrDefault(g => g.StartsWith("werkt ", StringComparison.Ordinal))));
        Assert.All(candidates.Where(c => jobs.Of(c.CandidateId) is not null), c => Assert.Equal(jobs.Of(c.CandidateId)!.Gap, c.Gaps[0]));
    }

    [Fact]
    public async Task CarveJobs_VacancyWithoutTasks_IsFailedPreconditionNamingTheFields()
    {
        var client = new Development.DevelopmentClient(_server.Channel);
        var catalog = new Catalog.CatalogClient(_server.Channel);
        var vacancy = (await catalog.GetAsync(new RecordRef { Kind = EntityKind.Vacancy, Id = OpenVacancy() })).Vacancy;
        vacancy.Id = "v-no-tasks";
        vacancy.Tasks.Clear();
        await catalog.UpsertOneAsync(new Record { Vacancy = vacancy });
        var e = await Assert.ThrowsAsync<RpcException>(() => client.CarveJobsAsync(new CarveJobsRequest { VacancyId = "v-no-tasks" }).ResponseAsync);
        Assert.Equal(GrpcStatusCode.FailedPrecondition, e.StatusCode);
        Assert.Contains("hours_per_week", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeerwerkRoutes_CandidateWithGaps_GetsAnOrderedPathOrTheGapsNamed()
    {
        var client = new Development.DevelopmentClient(_server.Channel);
        var vacancy = region.World.Vacancies.First(v => v.IsOpenOn(TrainedRegion.Today) && v.CertificatesRequired.Count > 0);
        var candidate = region.World.Candidates.First(c => c.ConsentMatching && !c.Certificates.Intersect(vacancy.CertificatesRequired).Any());
        var response = await client.LeerwerkRoutesAsync(new LeerwerkRoutesRequest { CandidateId = candidate.Id, VacancyId = vacancy.Id });
        Assert.NotEmpty(response.Gaps);
        Assert.True(response.ClosesAllGaps ? response.Steps.Count > 0 : response.UnclosableGaps.Count > 0);
        Assert.Equal(response.Steps.Sum(s => s.Weeks), response.TotalWeeks);
    }

    [Fact]
    public async Task ReadyWithin_LogisticsJobs_RanksByWeeksNeeded()
    {
        var client = new Development.DevelopmentClient(_server.Channel);
        var jobs = region.World.Vacancies.Where(v => v.IsOpenOn(TrainedRegion.Today) && v.Sector == "logistiek").Take(20).Select(v => v.Id);
        var response = await client.ReadyWithinAsync(new ReadyWithinRequest { VacancyIds = { jobs }, Months = 6, Top = 50 });
        Assert.NotEmpty(response.Candidates);
        Assert.Equal(response.Candidates.Select(c => c.TotalWeeks).Order(), response.Candidates.Select(c => c.TotalWeeks));
        Assert.All(response.Candidates, c => Assert.True(c.TotalWeeks <= 6 * 4.345));
        var atWork = Engine.Catalog.CurrentJobs.On(region.World.Placements, TrainedRegion.Today);
        Assert.Contains(response.Candidates, c => c.CurrentJob.Length > 0);
        Assert.All(response.Candidates, c => Assert.Equal(atWork.Of(c.CandidateId)?.Gap ?? "", c.CurrentJob));
    }

    [Fact]
    public async Task ReadyWithin_OnAClockYearsAfterTheData_CountsTheMonthsFromTheDatasDate()
    {
        await using var later = await ApiServer.StartAsync(prepareData: region.CopyDataTo, clock: new FixedClock(new DateOnly(2031, 3, 1)));
        var client = new Development.DevelopmentClient(later.Channel);
        var jobs = region.World.Vacancies.Where(v => v.IsOpenOn(TrainedRegion.Today) && v.Sector == "logistiek").Take(20).Select(v => v.Id);
        var response = await client.ReadyWithinAsync(new ReadyWithinRequest { VacancyIds = { jobs }, Months = 1, Top = 500 });
        Assert.NotEmpty(response.Candidates);
        var horizon = TrainedRegion.Today.AddDays((int)(4.345 * 7));
        Assert.All(response.Candidates, c => Assert.True(region.World.Candidates.Single(x => x.Id == c.CandidateId).AvailableFrom <= horizon, c.CandidateId));
    }

    [Fact]
    public async Task RecordOutcome_FromAShortlist_BecomesAMatchEventWithItsPosition()
    {
        var client = new Match.MatchClient(_server.Channel);
        var vacancy = OpenVacancy();
        var shortlist = await client.ShortlistAsync(new ShortlistRequest { VacancyId = vacancy, Top = 5 });
        var pick = shortlist.Candidates[2];
        await client.RecordOutcomeAsync(new RecordOutcomeRequest { VacancyId = vacancy, CandidateId = pick.CandidateId, Stage = "invited", Position = pick.Position });
        var catalog = (Engine.Catalog.CatalogService)_server.Services.GetService(typeof(Engine.Catalog.CatalogService))!;
        var logged = Assert.Single(catalog.Store.MatchEvents(), e => e.VacancyId == vacancy && e.CandidateId == pick.CandidateId);
        Assert.Equal((Engine.Domain.MatchStage.Invited, 3), (logged.Stage, logged.Position));
        Assert.Equal("", shortlist.Notice);
        await client.RecordOutcomeAsync(new RecordOutcomeRequest { VacancyId = vacancy, CandidateId = pick.CandidateId, Stage = "hired", Position = pick.Position });
        var positions = catalog.Store.GetVacancy(vacancy)!.Positions;
        Assert.Equal(positions == 1 ? "Deze vacature is vervuld." : $"1 van de {positions} plaatsen is al vervuld.",
            (await client.ShortlistAsync(new ShortlistRequest { VacancyId = vacancy, Top = 5 })).Notice);
        var bad = await Assert.ThrowsAsync<RpcException>(() => client.RecordOutcomeAsync(new RecordOutcomeRequest { VacancyId = vacancy, CandidateId = pick.CandidateId,
            Stage = "interviewed" }).ResponseAsync);
        Assert.Equal(GrpcStatusCode.InvalidArgument, bad.StatusCode);
        Assert.Equal("stage", bad.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
        var unknown = await Assert.ThrowsAsync<RpcException>(() => client.RecordOutcomeAsync(new RecordOutcomeRequest { VacancyId = "v-bestaat-niet",
            CandidateId = pick.CandidateId, Stage = "invited" }).ResponseAsync);
        Assert.Equal(GrpcStatusCode.NotFound, unknown.StatusCode);
    }
}
