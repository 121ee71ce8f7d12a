using MatchEngine.Engine.Domain;
using MatchEngine.Training.Synth;

namespace MatchEngine.Tests.Synth;

public sealed class TruthShapeTests
{
    private static World Generate(TruthShape truth) =>
        new WorldGenerator(new SynthOptions(Seed: 3, Candidates: 600, Vacancies: 30) { Truth = truth }).Generate();

    [Fact]
    public void Generate_SteppedTruth_KeepsTheRecordsAndDrawsOtherOutcomes()
    {
        var additive = Generate(TruthShape.Additive);
        var stepped = Generate(TruthShape.Stepped);
        Assert.Equal(additive.Candidates.Select(c => c.Id), stepped.Candidates.Select(c => c.Id));
        Assert.Equal(additive.Vacancies.Select(v => v.Id), stepped.Vacancies.Select(v => v.Id));
        static string[] Invited(World w) => [.. w.MatchEvents.Where(e => e.Stage == MatchStage.Invited).Select(e => $"{e.VacancyId}/{e.CandidateId}")];
        Assert.NotEqual(Invited(additive), Invited(stepped));
    }

    [Fact]
    public void ExpectedLogOdds_HoursShort_ForgivesAFewHoursUnderTheSteppedTruthAndNotMore()
    {
        var world = Generate(TruthShape.Additive);
        var vacancy = world.Vacancies.First(v => v.HoursMin >= 20);
        var employer = world.Employers.Single(e => e.Id == vacancy.EmployerId);
        var candidate = world.Candidates[0];
        double Cost(TruthShape shape, double shortBy)
        {
            var fits = candidate with { HoursMin = 1, HoursMax = vacancy.HoursMin };
            var short_ = candidate with { HoursMin = 1, HoursMax = vacancy.HoursMin - shortBy };
            return Compatibility.ExpectedLogOdds(vacancy, employer, fits, shape) - Compatibility.ExpectedLogOdds(vacancy, employer, short_, shape);
        }
        // Stepped: 3 hours short costs little, 8 hours much more than 8/3 times that; additive: in proportion.
        Assert.True(Cost(TruthShape.Stepped, 8) > 4 * Cost(TruthShape.Stepped, 3) - 1e-9, $"{Cost(TruthShape.Stepped, 3)} and {Cost(TruthShape.Stepped, 8)}");
        Assert.Equal(8 / 3.0, Cost(TruthShape.Additive, 8) / Cost(TruthShape.Additive, 3), 9);
    }

    [Fact]
    public void ExpectedLogOdds_SoftMismatches_CompoundUnderTheGatedTruth()
    {
        var world = Generate(TruthShape.Additive);
        var vacancy = world.Vacancies.First(v => v.HoursMin >= 20 && v.Shifts.Count == 1);
        var employer = world.Employers.Single(e => e.Id == vacancy.EmployerId);
        var fits = world.Candidates[0] with
        {
            Lat = vacancy.Lat, Lon = vacancy.Lon, HoursMin = 1, HoursMax = vacancy.HoursMin, ShiftsOk = [.. vacancy.Shifts], Dutch = CefrLevel.C2,
        };
        var hoursShort = fits with { HoursMax = vacancy.HoursMin - 2 };
        var noShift = new[] { Enum.GetValues<Shift>().First(s => s != vacancy.Shifts[0]) };
        var hoursAndShiftShort = hoursShort with { ShiftsOk = noShift };
        double Cost(TruthShape shape, Candidate c) =>
            Compatibility.ExpectedLogOdds(vacancy, employer, fits, shape) - Compatibility.ExpectedLogOdds(vacancy, employer, c, shape);
        // Gated: two mismatches together cost four times one; in the additive truth each costs its own, whatever comes with it.
        Assert.Equal(4 * Cost(TruthShape.Gated, hoursShort), Cost(TruthShape.Gated, hoursAndShiftShort), 9);
        Assert.Equal(Cost(TruthShape.Additive, hoursShort) + Cost(TruthShape.Additive, fits with { ShiftsOk = noShift }),
            Cost(TruthShape.Additive, hoursAndShiftShort), 9);
    }
}
