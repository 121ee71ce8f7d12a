using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Risk;
using MatchEngine.Tests.Support;
using MatchEngine.Training.Synth;

namespace MatchEngine.Tests.Synth;

/// <summary>One 10,000-candidate world shared by the calibration tests (generation takes about two seconds).</summary>
public sealed class LargeWorld
{
    public World World { get; } = new WorldGenerator(new SynthOptions(Seed: 7, Candidates: 10_000, Vacancies: 600)).Generate();
}

public class WorldGeneratorTests(LargeWorld large) : IClassFixture<LargeWorld>
{
    private static readonly DateOnly Today = SynthOptions.DefaultAsOf;

    private static int Band(Candidate c)
    {
        var age = Today.Year - c.BirthYear!.Value;
        return age < 25 ? 0 : age < 35 ? 1 : age < 45 ? 2 : age < 55 ? 3 : 4;
    }

    [Fact]
    public void Generate_AgeBands_WithinTwoPointsOfCbs()
    {
        var candidates = large.World.Candidates;
        for (var band = 0; band < 5; band++)
        {
            var share = candidates.Count(c => Band(c) == band) / (double)candidates.Count;
            Assert.InRange(share, CalibrationTargets.AgeBandShare[band] - 0.02, CalibrationTargets.AgeBandShare[band] + 0.02);
        }
    }

    [Fact]
    public void Generate_SpellLengthPerAgeBand_WithinTwoPointsOfCbs()
    {
        foreach (var group in large.World.Candidates.GroupBy(Band))
        {
            var n = (double)group.Count();
            var twoToFive = group.Count(c => c.MonthsInBijstand is >= 24 and < 60) / n;
            var fivePlus = group.Count(c => c.MonthsInBijstand >= 60) / n;
            Assert.InRange(twoToFive, CalibrationTargets.TwoToFiveYearsShare[group.Key] - 0.02, CalibrationTargets.TwoToFiveYearsShare[group.Key] + 0.02);
            Assert.InRange(fivePlus, CalibrationTargets.FivePlusYearsShare[group.Key] - 0.02, CalibrationTargets.FivePlusYearsShare[group.Key] + 0.02);
        }
    }

    [Theory]
    [InlineData(6, 0.14)]
    [InlineData(12, 0.20)]
    [InlineData(60, 0.35)]
    public void Generate_HerinstroomKaplanMeier_WithinTwoPointsOfDivosa(double months, double expected)
    {
        var observations = large.World.Placements.Select(p => SurvivalObservation.Of(p, Today)!.Value).ToArray();
        var cumulative = 1 - KaplanMeierAt(observations, months);
        Assert.InRange(cumulative, expected - 0.02, expected + 0.02);
    }

    [Fact]
    public void Generate_EveryLine_PassesTheContractAndItsReferences()
    {
        using var dir = new TempDirectory();
        var world = new WorldGenerator(new SynthOptions(Seed: 3, Candidates: 300, Vacancies: 40)).Generate();
        WorldWriter.Write(world, dir.Path);
        var validator = new ContractValidator(new ValidationContext(Today));
        var ids = new Dictionary<EntityKind, HashSet<string>>();
        foreach (var kind in EntityKinds.ImportOrder)
        {
            ids[kind] = [];
            var number = 0;
            foreach (var line in File.ReadLines(Path.Combine(dir.Path, kind.FileName())))
            {
                number++;
                var parsed = validator.Parse(kind, line);
                Assert.True(parsed.IsValid, $"{kind.FileName()}:{number}: {string.Join("; ", parsed.Violations)}");
                Assert.Empty(ReferenceCheck.Check(parsed.Record!, (k, id) => ids[k].Contains(id)));
                if (parsed.Id is not null) Assert.True(ids[kind].Add(parsed.Id), $"duplicate id {parsed.Id}");
            }
            Assert.True(number > 0, $"{kind.FileName()} is empty");
        }
    }

    [Fact]
    public void Generate_SameSeed_GivesByteIdenticalFiles()
    {
        using var a = new TempDirectory();
        using var b = new TempDirectory();
        var options = new SynthOptions(Seed: 11, Candidates: 200, Vacancies: 30);
        WorldWriter.Write(new WorldGenerator(options).Generate(), a.Path);
        WorldWriter.Write(new WorldGenerator(options).Generate(), b.Path);
        foreach (var kind in EntityKinds.ImportOrder)
            Assert.Equal(File.ReadAllBytes(Path.Combine(a.Path, kind.FileName())), File.ReadAllBytes(Path.Combine(b.Path, kind.FileName())));
    }

    [Fact]
    public void Generate_World_HasTheCareHomeExampleAndCandidatesWithoutConsent()
    {
        var world = large.World;
        var careHome = world.Employers.Single(e => e.Name == "Verpleeghuis De Linde");
        var nurses = world.Vacancies.Where(v => v.EmployerId == careHome.Id && v.Isco == "3221" && v.OpenToJobcarving).ToArray();
        Assert.True(nurses.Length >= 3);
        Assert.All(nurses, v => Assert.Contains(v.Tasks, t => t.Name == "bedden opmaken"));
        Assert.Contains(world.Candidates, c => !c.ConsentMatching);
        Assert.Contains(world.Vacancies, v => v.SroiContractId is not null);
        Assert.Contains(world.Vacancies, v => v.OffersLeerwerk);
    }

    [Fact]
    public void Generate_History_HasRealisticProposalOutcomes()
    {
        var events = large.World.MatchEvents;
        var proposed = events.Count(e => e.Stage == MatchStage.Proposed);
        var invited = events.Count(e => e.Stage == MatchStage.Invited) / (double)proposed;
        var hired = events.Count(e => e.Stage == MatchStage.Hired) / (double)proposed;
        Assert.InRange(invited, 0.10, 0.30);
        Assert.InRange(hired, 0.02, 0.08);
    }

    private static double KaplanMeierAt(IReadOnlyList<SurvivalObservation> observations, double t)
    {
        var survival = 1.0;
        foreach (var group in observations.Where(o => o.Event && o.Months <= t).GroupBy(o => o.Months).OrderBy(g => g.Key))
        {
            var atRisk = observations.Count(o => o.Months >= group.Key);
            survival *= 1 - group.Count() / (double)atRisk;
        }
        return survival;
    }
}
