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
        var carving = new CarvingService(catalog, new ShortlistService(catalog, new CandidatePool(catalog.Store), ranker, clock), clock);
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
}
