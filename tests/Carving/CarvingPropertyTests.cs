using MatchEngine.Engine;
using MatchEngine.Engine.Carving;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Import;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Registry;
using MatchEngine.Tests.Support;
using MatchEngine.Training.Synth;

namespace MatchEngine.Tests.Carving;

public class CarvingPropertyTests
{
    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    public void RolesForCandidate_GeneratedRegion_RespectHoursLoadShiftsAndDistance(int seed)
    {
        using var dir = new TempDirectory();
        var world = new WorldGenerator(new SynthOptions(Seed: seed, Candidates: 300, Vacancies: 120)).Generate();
        WorldWriter.Write(world, dir.File("world"));
        var layout = new DataLayout(dir.File("data"));
        using var catalog = CatalogService.Open(layout, TimeProvider.System);
        new FolderImporter(catalog.Store, catalog.Validator).Import(dir.File("world"));
        catalog.SyncIndex();
        using var ranker = RankerModels.Follow(new ModelRegistry(layout.ModelsPath, TimeProvider.System), null);
        var clock = new FixedClock(SynthOptions.DefaultAsOf);
        var carving = new CarvingService(catalog, new ShortlistService(catalog, new CandidatePool(catalog.Store), ranker), new DataToday(catalog.Store, clock));
        var employers = world.Employers.ToDictionary(e => e.Id);
        var proposals = 0;
        foreach (var candidate in world.Candidates.Where(c => c.ConsentMatching).Take(120))
        {
            foreach (var role in carving.RolesForCandidate(candidate.Id, 5))
            {
                proposals++;
                Assert.InRange(role.HoursPerWeek, Math.Max(WorkerProfile.MinimumRoleHours, candidate.HoursMin) - 1e-9, candidate.HoursMax + 1e-9);
                Assert.All(role.Tasks, t => Assert.True(t.PhysicalLoad <= candidate.PhysicalCapacity, $"{t.Name} too heavy for {candidate.Id}"));
                Assert.NotEmpty(role.Shifts);
                Assert.All(role.Shifts, s => Assert.Contains(s, candidate.ShiftsOk));
                Assert.True(employers[role.EmployerId].Location.DistanceKm(candidate.Location) <= candidate.MaxDistanceKm + 0.5, "employer out of reach");
                Assert.All(role.Tasks, t => Assert.True(t.Complexity <= WorkerProfile.SupportedComplexity(candidate)));
            }
        }
        Assert.True(proposals > 0, "the region produced no carved roles to check");
    }

    [Theory]
    [InlineData(31, "AM")]
    [InlineData(32, "GV")]
    public void CarveEmployer_EveryEmployerOfAGeneratedRegion_EverySuggestionFitsTheCandidateOrNamesTheGap(int seed, string region)
    {
        using var dir = new TempDirectory();
        var world = new WorldGenerator(new SynthOptions(Seed: seed, Candidates: 1500, Vacancies: 200, Region: region)).Generate();
        WorldWriter.Write(world, dir.File("world"));
        var layout = new DataLayout(dir.File("data"));
        using var catalog = CatalogService.Open(layout, TimeProvider.System);
        new FolderImporter(catalog.Store, catalog.Validator).Import(dir.File("world"));
        catalog.SyncIndex();
        var registry = new ModelRegistry(layout.ModelsPath, TimeProvider.System);
        registry.SetFairnessThreshold(0, "a generated test region: promote whatever trains", byAdmin: true);
        new Training.Ranking.RankerTrainingRun(catalog, new CandidatePool(catalog.Store), registry, TextWriter.Null)
            .Run(null, new Models.Ranking.RankerOptions(Trees: 20));
        using var ranker = RankerModels.Follow(registry, null);
        var clock = new FixedClock(SynthOptions.DefaultAsOf);
        var carving = new CarvingService(catalog, new ShortlistService(catalog, new CandidatePool(catalog.Store), ranker), new DataToday(catalog.Store, clock));
        var candidates = world.Candidates.ToDictionary(c => c.Id);
        var employers = world.Vacancies.Where(v => v.IsOpenOn(SynthOptions.DefaultAsOf) && v.Tasks.Count > 0).Select(v => v.EmployerId).Distinct().Order(StringComparer.Ordinal);

        var (suggestions, refitted) = (0, 0);
        foreach (var employer in employers)
        {
            CarvingProposal proposal;
            try
            {
                proposal = carving.CarveEmployer(employer, null, SynthOptions.DefaultAsOf);
            }
            catch (PreconditionFailedException)
            {
                continue; // no open vacancy of this employer has a task breakdown to carve from
            }
            foreach (var (role, suggestion) in proposal.Roles.SelectMany(r => r.Suggestions.Select(s => (r.Role, s))))
            {
                suggestions++;
                var c = candidates[suggestion.Entry.CandidateId];
                var offered = suggestion.Role;
                var gaps = suggestion.Entry.Gaps;
                var what = $"{employer}: {c.Id} ({c.HoursMin}–{c.HoursMax} h, {string.Join("/", c.ShiftsOk)}) " +
                    $"offered {offered.HoursPerWeek} h in {string.Join("/", offered.Shifts)}, gaps [{string.Join("; ", gaps)}]";
                var hoursFit = offered.HoursPerWeek >= c.HoursMin - 1e-6 && offered.HoursPerWeek <= c.HoursMax + 1e-6;
                Assert.True(hoursFit || gaps.Contains(RoleFit.HoursGap(offered, c) ?? ""), $"hours outside the range, no gap: {what}");
                Assert.All(offered.Shifts.Where(s => !c.ShiftsOk.Contains(s)), s =>
                    Assert.True(gaps.Any(g => g.StartsWith("kan geen", StringComparison.Ordinal) && g.Contains(CarvingSuggestionTests.DutchShift(s), StringComparison.Ordinal)),
                        $"unworkable shift, no gap: {what}"));
                if (suggestion.Refitted)
                {
                    refitted++;
                    Assert.True(hoursFit && offered.HoursPerWeek >= WorkerProfile.MinimumRoleHours - 1e-6, $"a role carved to the candidate is outside their hours: {what}");
                    Assert.All(offered.Shifts, s => Assert.Contains(s, c.ShiftsOk));
                    Assert.All(offered.Tasks, t => Assert.True(t.PhysicalLoad <= c.PhysicalCapacity, $"{t.Name} too heavy: {what}"));
                    Assert.All(offered.Tasks, t => Assert.Contains(role.Tasks, r => (r.VacancyId, r.TaskId) == (t.VacancyId, t.TaskId)));
                    Assert.DoesNotContain(gaps, g => g.StartsWith("kan geen", StringComparison.Ordinal));
                }
                else
                {
                    Assert.Same(role, offered);
                }
            }
        }
        Assert.True(suggestions >= 50, $"only {suggestions} suggestions to check");
        Assert.True(refitted > 0, "no role was carved to a candidate: the fitting path went unchecked");
    }
}
