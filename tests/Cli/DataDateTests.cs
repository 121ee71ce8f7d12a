using System.Text.Json;
using MatchEngine.Engine;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Contract;
using MatchEngine.Tests.Support;
using MatchEngine.Training.Cli;

namespace MatchEngine.Tests.Cli;

/// <summary>One "today": without --as-of the CLI reads the data as of its own date, whatever the clock says.</summary>
public sealed class DataDateTests(TrainedRegion region) : IClassFixture<TrainedRegion>
{
    private static readonly DateOnly ClockDay = new(2031, 3, 1);

    private static Task<CliResult> Run(params string[] args) => CliRun.RunAsync(new FixedClock(ClockDay), args);

    [Fact]
    public void DataDate_SyntheticRegion_IsTheDateItWasGeneratedFor()
    {
        using var catalog = CatalogService.Open(region.Layout, TimeProvider.System);
        Assert.Equal(TrainedRegion.Today, DataDate.Of(catalog.Store));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void DataToday_AfterAPlacementObservedLater_MovesWhenTheRevisionIsReadAgain(bool readAgain)
    {
        using var dir = new TempDirectory();
        region.CopyDataTo(dir.File("data"));
        using var catalog = CatalogService.Open(new DataLayout(dir.File("data")), TimeProvider.System);
        // The fixed clock never moves: with the default interval the revision read first is trusted for good.
        var today = new DataToday(catalog.Store, new FixedClock(ClockDay), readAgain ? TimeSpan.Zero : null);
        Assert.Equal(TrainedRegion.Today, today.Date);
        string? first = null;
        catalog.Store.ScanJson(EntityKind.Placement, json => first ??= System.Text.Encoding.UTF8.GetString(json));
        var later = System.Text.Json.Nodes.JsonNode.Parse(first!)!.AsObject();
        later["id"] = "p-later";
        later["herinstroom_at"] = null;
        later["observed_until"] = TrainedRegion.Today.AddDays(40).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(catalog.Upsert(EntityKind.Placement, later.ToJsonString()).Accepted);
        Assert.Equal(readAgain ? TrainedRegion.Today.AddDays(40) : TrainedRegion.Today, today.Date);
    }

    [Fact]
    public async Task Recommend_ListsTheVacanciesOpenOnTheDatasDateNotOnTheClocks()
    {
        using var dir = new TempDirectory();
        region.CopyDataTo(dir.File("data"));
        var candidate = region.World.Candidates.First(c => c.ConsentMatching && c.MaxDistanceKm >= 10);
        var (exit, stdout, stderr) = await Run("recommend", "--candidate", candidate.Id, "--top", "20", "--data", dir.File("data"));
        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout.TrimEnd().Split('\n')[^1]);
        var vacancies = json.RootElement.GetProperty("vacancies").EnumerateArray().Select(v => region.World.Vacancies.Single(w => w.Id == v.GetProperty("vacancy_id").GetString())).ToArray();
        Assert.NotEmpty(vacancies);
        Assert.All(vacancies, v => Assert.True(v.IsOpenOn(TrainedRegion.Today), v.Id));
        Assert.Contains(vacancies, v => v.ClosesAt < ClockDay);
    }

    [Fact]
    public async Task Recommend_AVacancyWhoseEveryPlaceIsTaken_IsNoLongerRecommended()
    {
        using var dir = new TempDirectory();
        region.CopyDataTo(dir.File("data"));
        var candidate = region.World.Candidates.First(c => c.ConsentMatching && c.MaxDistanceKm >= 10);
        async Task<string[]> Recommended()
        {
            var (exit, stdout, stderr) = await Run("recommend", "--candidate", candidate.Id, "--top", "5", "--data", dir.File("data"));
            Assert.True(exit == 0, stderr);
            using var json = JsonDocument.Parse(stdout.TrimEnd().Split('\n')[^1]);
            return [.. json.RootElement.GetProperty("vacancies").EnumerateArray().Select(v => v.GetProperty("vacancy_id").GetString()!)];
        }
        var before = await Recommended();
        var first = region.World.Vacancies.Single(v => v.Id == before[0]);
        using (var catalog = CatalogService.Open(new DataLayout(dir.File("data")), TimeProvider.System))
            foreach (var hired in region.World.Candidates.Where(c => c.Id != candidate.Id).Take(first.Positions))
                Assert.True(catalog.Upsert(EntityKind.MatchEvent,
                    $"{{\"vacancy_id\":\"{first.Id}\",\"candidate_id\":\"{hired.Id}\",\"at\":\"{TrainedRegion.Today:yyyy-MM-dd}T09:00:00Z\",\"stage\":\"hired\"}}").Accepted);
        var after = await Recommended();
        Assert.DoesNotContain(first.Id, after);
        Assert.Equal(before[1..], after[..(before.Length - 1)]);
    }

    [Fact]
    public async Task Recommend_ACandidateAtWorkOnTheDatasDate_CarriesTheNoticeAndOneWhoIsNotNone()
    {
        using var dir = new TempDirectory();
        region.CopyDataTo(dir.File("data"));
        var jobs = CurrentJobs.On(region.World.Placements, TrainedRegion.Today);
        async Task<JsonElement> Notice(string candidateId)
        {
            var (exit, stdout, stderr) = await Run("recommend", "--candidate", candidateId, "--top", "3", "--data", dir.File("data"));
            Assert.True(exit == 0, stderr);
            return JsonDocument.Parse(stdout.TrimEnd().Split('\n')[^1]).RootElement.GetProperty("notice").Clone();
        }
        var working = region.World.Candidates.First(c => c.ConsentMatching && jobs.Of(c.Id) is not null);
        Assert.Equal(jobs.Of(working.Id)!.Notice, (await Notice(working.Id)).GetString());
        Assert.StartsWith("Deze kandidaat werkt sinds ", jobs.Of(working.Id)!.Notice, StringComparison.Ordinal);
        var free = region.World.Candidates.First(c => c.ConsentMatching && jobs.Of(c.Id) is null);
        Assert.Equal(JsonValueKind.Null, (await Notice(free.Id)).ValueKind);
    }

    [Fact]
    public async Task SroiWorklist_WithoutAsOf_IsAsOfTheDatasDateNotTheClock()
    {
        using var dir = new TempDirectory();
        region.CopyDataTo(dir.File("data"));
        var (exit, stdout, stderr) = await Run("sroi", "--worklist", "--json", "--data", dir.File("data"));
        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout.TrimEnd().Split('\n')[^1]);
        Assert.Equal(TrainedRegion.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), json.RootElement.GetProperty("as_of").GetString());
    }

    [Fact]
    public async Task SroiWorklist_WithAsOf_IsAsOfThatDate()
    {
        using var dir = new TempDirectory();
        region.CopyDataTo(dir.File("data"));
        var (exit, stdout, stderr) = await Run("sroi", "--worklist", "--as-of", "2025-03-01", "--json", "--data", dir.File("data"));
        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout.TrimEnd().Split('\n')[^1]);
        Assert.Equal("2025-03-01", json.RootElement.GetProperty("as_of").GetString());
    }

    [Fact]
    public async Task CarveEmployer_WithoutAsOf_CarvesTheVacanciesOpenOnTheDatasDate()
    {
        using var dir = new TempDirectory();
        region.CopyDataTo(dir.File("data"));
        var careHome = region.World.Employers.First(e => e.Name == "Verpleeghuis De Linde").Id;
        var (exit, stdout, stderr) = await Run("carve", "--employer", careHome, "--json", "--data", dir.File("data"));
        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout.TrimEnd().Split('\n')[^1]);
        Assert.NotEqual(0, json.RootElement.GetProperty("roles").GetArrayLength());
    }
}
