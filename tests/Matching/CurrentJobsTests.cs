using MatchEngine.Engine;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;
using MatchEngine.Tests.Support;

namespace MatchEngine.Tests.Matching;

public sealed class CurrentJobsTests(TrainedRegion region) : IClassFixture<TrainedRegion>
{
    private static readonly DateOnly Day = new(2025, 6, 30);

    private static Placement Job(string candidate, DateOnly start, double hours = 24, DateOnly? ended = null, DateOnly? back = null) => new()
    {
        Id = $"p-{candidate}-{start:yyyyMMdd}", CandidateId = candidate, EmployerId = "e1", Start = start, HoursPerWeek = hours,
        Contract = ContractKind.Temporary, Ended = ended, HerinstroomAt = back, ObservedUntil = start > Day ? start : Day,
    };

    [Fact]
    public void On_ActivePlacements_AreWorkWithTheirStartAndHours()
    {
        var jobs = CurrentJobs.On(
        [
            Job("c1", new DateOnly(2024, 4, 4), 25),
            Job("c2", new DateOnly(2023, 1, 1), ended: new DateOnly(2025, 6, 30)),
            Job("c3", new DateOnly(2023, 1, 1), back: new DateOnly(2024, 2, 1)),
            Job("c4", new DateOnly(2025, 7, 1)),
            Job("c5", new DateOnly(2023, 1, 1), ended: new DateOnly(2025, 8, 1)),
        ], Day);
        Assert.Equal(2, jobs.Count);
        Assert.Equal("werkt sinds 4 april 2024, 25 uur per week", jobs.Of("c1")!.Gap);
        Assert.Null(jobs.Of("c2"));
        Assert.Null(jobs.Of("c3"));
        Assert.Null(jobs.Of("c4"));
        Assert.NotNull(jobs.Of("c5"));
    }

    [Fact]
    public void On_TwoJobsAtOnce_CountsBothSinceTheEarlierStart()
    {
        var jobs = CurrentJobs.On([Job("c1", new DateOnly(2024, 9, 1), 12.5), Job("c1", new DateOnly(2022, 3, 15), 20)], Day);
        Assert.Equal(new CurrentJob(new DateOnly(2022, 3, 15), 32.5, 2), jobs.Of("c1"));
        Assert.Equal("werkt sinds 15 maart 2022 in 2 banen, samen 32,5 uur per week", jobs.Of("c1")!.Gap);
    }

    [Fact]
    public void DataToday_Jobs_AreEveryActivePlacementOnTheDatasDate()
    {
        using var dir = new TempDirectory();
        region.CopyDataTo(dir.File("data"));
        using var catalog = CatalogService.Open(new DataLayout(dir.File("data")), TimeProvider.System);
        var today = new DataToday(catalog.Store, new FixedClock(new DateOnly(2031, 3, 1)));
        var all = CurrentJobs.On(catalog.Store.Placements(), TrainedRegion.Today);
        var read = today.Jobs;
        Assert.True(all.Count > 0, "the synthetic region has people at work");
        Assert.Equal(all.Count, read.Count);
        Assert.All(region.World.Candidates, c => Assert.Equal(all.Of(c.Id), read.Of(c.Id)));
        var placed = VacancyPlacements.Of(region.World.Placements);
        Assert.Contains(region.World.Vacancies, v => today.Placed.For(v.Id).Count > 0);
        Assert.All(region.World.Vacancies, v => Assert.Equal(placed.For(v.Id), today.Placed.For(v.Id)));
    }

    [Fact]
    public void DataToday_AfterAWriteOfOtherRecords_KeepsWhatItReadAndAfterAPlacement_ReadsAgain()
    {
        using var dir = new TempDirectory();
        region.CopyDataTo(dir.File("data"));
        using var catalog = CatalogService.Open(new DataLayout(dir.File("data")), TimeProvider.System);
        var today = new DataToday(catalog.Store, new FixedClock(new DateOnly(2031, 3, 1)), TimeSpan.Zero);
        var jobs = today.Jobs;
        var free = region.World.Candidates.First(c => c.ConsentMatching && jobs.Of(c.Id) is null);
        var day = TrainedRegion.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var vacancy = region.World.Vacancies.First(v => v.IsOpenOn(TrainedRegion.Today));
        Assert.True(catalog.Upsert(EntityKind.MatchEvent,
            $"{{\"vacancy_id\":\"{vacancy.Id}\",\"candidate_id\":\"{free.Id}\",\"at\":\"{day}T09:00:00Z\",\"stage\":\"invited\"}}").Accepted);
        Assert.Same(jobs, today.Jobs);
        Assert.True(catalog.Upsert(EntityKind.Placement,
            $"{{\"id\":\"p-new\",\"candidate_id\":\"{free.Id}\",\"employer_id\":\"{vacancy.EmployerId}\",\"start\":\"{day}\",\"hours_per_week\":20,"
            + $"\"contract\":\"temporary\",\"observed_until\":\"{day}\"}}").Accepted);
        Assert.Equal(new CurrentJob(TrainedRegion.Today, 20, 1), today.Jobs.Of(free.Id));
    }
}
