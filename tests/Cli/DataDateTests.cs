using System.Text.Json;
using MatchEngine.Engine.Catalog;
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
