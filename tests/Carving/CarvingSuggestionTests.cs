using System.Globalization;
using System.Text.Json;
using MatchEngine.Engine.Domain;
using MatchEngine.Tests.Support;
using MatchEngine.Training.Cli;
using MatchEngine.Training.Synth;

namespace MatchEngine.Tests.Carving;

/// <summary>
/// Every candidate suggested for a carved role is offered hours within their own range and shifts they can work, or the
/// answer names the gap in Dutch. Checked over every employer with open, carvable vacancies of a generated region.
/// </summary>
public sealed class CarvingSuggestionTests(OutsideRegion region) : IClassFixture<OutsideRegion>
{
    [Fact]
    public async Task CarveEmployerCli_EveryEmployerOfAGeneratedRegion_NoSuggestionOutsideTheCandidatesHoursOrShiftsWithoutAGap()
    {
        var candidates = region.World.Candidates.ToDictionary(c => c.Id);
        var employers = region.World.Vacancies.Where(v => v.IsOpenOn(OutsideRegion.Today) && v.Tasks.Count > 0)
            .Select(v => v.EmployerId).Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.True(employers.Length >= 10, $"only {employers.Length} employers with carvable open vacancies");
        var suggestions = 0;
        var unnamed = new List<string>();
        foreach (var employer in employers)
        {
            var answer = await Carve("--employer", employer);
            if (answer is null) continue;
            foreach (var role in answer.Value.GetProperty("roles").EnumerateArray())
            {
                foreach (var suggestion in role.GetProperty("candidates").EnumerateArray())
                {
                    suggestions++;
                    var candidate = candidates[suggestion.GetProperty("candidate_id").GetString()!];
                    var offered = suggestion.TryGetProperty("role", out var own) && own.ValueKind == JsonValueKind.Object ? own : role;
                    var gaps = suggestion.GetProperty("gaps").EnumerateArray().Select(g => g.GetString()!).ToArray();
                    var hours = offered.GetProperty("hours_per_week").GetDouble();
                    if ((hours < candidate.HoursMin - 1e-6 || hours > candidate.HoursMax + 1e-6) && !gaps.Any(g => g.StartsWith("wil ", StringComparison.Ordinal) && g.Contains("uur, rol vraagt",
                        StringComparison.Ordinal)))
                        unnamed.Add($"{employer}: {candidate.Id} wants {candidate.HoursMin}-{candidate.HoursMax} h, offered {hours} h, gaps [{string.Join("; ", gaps)}]");
                    foreach (var shift in offered.GetProperty("shifts").EnumerateArray().Select(s => Enum.Parse<Shift>(s.GetString()!, ignoreCase: true)))
                    {
                        if (!candidate.ShiftsOk.Contains(shift) && !gaps.Any(g => g.StartsWith("kan geen", StringComparison.Ordinal) && g.Contains(DutchShift(shift), StringComparison.Ordinal)))
                            unnamed.Add($"{employer}: {candidate.Id} cannot work {shift}, gaps [{string.Join("; ", gaps)}]");
                    }
                }
            }
        }
        Assert.True(suggestions >= 30, $"only {suggestions} suggestions to check");
        Assert.True(unnamed.Count == 0, $"{unnamed.Count} of {suggestions} suggestions do not fit and name no gap:\n{string.Join("\n", unnamed)}");
    }

    internal static string DutchShift(Shift shift) => shift switch
    {
        Shift.Day => "dagdienst",
        Shift.Evening => "avonddienst",
        Shift.Night => "nachtdienst",
        _ => "weekenddienst",
    };

    private async Task<JsonElement?> Carve(params string[] target)
    {
        string[] args = ["carve", .. target, "--as-of", OutsideRegion.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "--json", "--data", region.Layout.Root];
        var run = await CliRun.RunAsync([new CarveCommand()], new FixedClock(OutsideRegion.Today), args);
        // An employer whose open vacancies have no task a role can be carved from is refused; that is not a suggestion.
        if (run.Exit != 0 && run.Err.Contains("task", StringComparison.Ordinal)) return null;
        return JsonDocument.Parse(run.AssertSucceeded().LastLine).RootElement.Clone();
    }
}

/// <summary>A generated region other than the shared test region (Amersfoort, another seed), imported, with a trained ranker.</summary>
public sealed class OutsideRegion : IDisposable
{
    public static readonly DateOnly Today = SynthOptions.DefaultAsOf;

    public OutsideRegion()
    {
        World = new WorldGenerator(new SynthOptions(Seed: 27, Candidates: 1500, Vacancies: 200, Region: "AM")).Generate();
        WorldWriter.Write(World, Directory.File("world"));
        Layout = new Engine.DataLayout(Directory.File("data"));
        using var catalog = Engine.Catalog.CatalogService.Open(Layout, TimeProvider.System);
        new Engine.Import.FolderImporter(catalog.Store, catalog.Validator).Import(Directory.File("world"));
        catalog.SyncIndex();
        var registry = new Models.Registry.ModelRegistry(Layout.ModelsPath, TimeProvider.System);
        registry.SetFairnessThreshold(0, "a generated test region: promote whatever trains", byAdmin: true);
        new Training.Ranking.RankerTrainingRun(catalog, new Engine.Matching.CandidatePool(catalog.Store), registry, TextWriter.Null)
            .Run(null, new Models.Ranking.RankerOptions(Trees: 40));
    }

    public TempDirectory Directory { get; } = new();
    public World World { get; }
    public Engine.DataLayout Layout { get; }

    public void Dispose() => Directory.Dispose();
}
