using MatchEngine.Engine.Access;
using MatchEngine.Engine;
using MatchEngine.Engine.Carving;
using MatchEngine.Engine.Domain;

namespace MatchEngine.Tests.Carving;

public class JobCarverTests
{
    private static readonly Employer CareHome = new()
    {
        Id = "zorg-de-linde", Name = "Verpleeghuis De Linde", Sector = "zorg", Lat = 52.22, Lon = 5.17, Size = EmployerSize.Large, Inclusive = true,
    };

    private static Vacancy Verpleegkundige(string id) => new()
    {
        Id = id, EmployerId = CareHome.Id, Title = "Verpleegkundige", Description = "Verpleegkundige op een psychogeriatrische afdeling.",
        Isco = "3221", Sector = "zorg", Lat = 52.22, Lon = 5.17, HoursMin = 32, HoursMax = 36, EducationMin = EducationLevel.Mbo4,
        DutchMin = CefrLevel.B2, PhysicalLoad = Load.Medium, Shifts = [Shift.Day, Shift.Evening], Contract = ContractKind.Permanent,
        PostedAt = new DateOnly(2025, 6, 1),
        Tasks =
        [
            new() { Id = "med", Name = "medicatie toedienen", Skills = ["medicatie"], Complexity = 4, PhysicalLoad = Load.Low, HoursPerWeek = 8 },
            new() { Id = "zorgplan", Name = "zorgplannen bijhouden", Skills = ["rapporteren"], Complexity = 4, PhysicalLoad = Load.Low, HoursPerWeek = 8 },
            new() { Id = "wond", Name = "wondzorg", Skills = ["wondverzorging"], Complexity = 5, PhysicalLoad = Load.Low, HoursPerWeek = 6 },
            new() { Id = "bedden", Name = "bedden opmaken", Skills = ["bedden opmaken"], Complexity = 1, PhysicalLoad = Load.Medium, HoursPerWeek = 4 },
            new() { Id = "maaltijden", Name = "maaltijden rondbrengen", Skills = ["maaltijden serveren"], Complexity = 1, PhysicalLoad = Load.Low, HoursPerWeek = 5 },
            new() { Id = "was", Name = "was verzorgen", Skills = ["wassen"], Complexity = 1, PhysicalLoad = Load.Medium, HoursPerWeek = 3 },
        ],
    };

    private static Candidate Candidate(double hoursMax = 24, Load capacity = Load.Medium, EducationLevel education = EducationLevel.Vo) => new()
    {
        Id = "c-1", Region = "GV", Lat = 52.21, Lon = 5.16, Education = education, Dutch = CefrLevel.A2, HoursMin = 12, HoursMax = hoursMax,
        MaxDistanceKm = 10, Transport = [Transport.Bike], ShiftsOk = [Shift.Day], AvailableFrom = new DateOnly(2025, 6, 1),
        PhysicalCapacity = capacity, ConsentMatching = true, Skills = ["bedden opmaken", "maaltijden serveren", "wassen"],
    };

    [Fact]
    public void Carve_ThreeVerpleegkundigeVacancies_YieldAZorgassistentRoleOfTheSimpleTasks()
    {
        var vacancies = new[] { Verpleegkundige("vpk-1"), Verpleegkundige("vpk-2"), Verpleegkundige("vpk-3") };
        var outcome = JobCarver.Carve(CareHome, vacancies, WorkerProfile.Of(Candidate(), []));

        var role = outcome.Roles[0];
        Assert.Equal("zorgassistent", role.Title);
        Assert.Equal(["bedden opmaken", "maaltijden rondbrengen", "was verzorgen"], role.Tasks.Select(t => t.Name).Distinct().Order());
        Assert.InRange(role.HoursPerWeek, 12, 24);
        Assert.True(role.Tasks.Select(t => t.VacancyId).Distinct().Count() >= 2, "tasks are pooled from several vacancies");
        Assert.All(role.Remaining, r => Assert.Equal(r.OriginalHours - r.CarvedHours, r.RemainingHours));
        Assert.Contains(outcome.Excluded, e => e.Name == "medicatie toedienen");
    }

    [Fact]
    public void Carve_TasksThatOnlyAddUpExactly_FindsTheExactRole()
    {
        // 5+4+3 = 12 reaches the minimum only with all three; a greedy largest-first pick of 5 then 4 stops short at 9 under a 10 h cap.
        var v = Verpleegkundige("vpk-1") with
        {
            Tasks =
            [
                new() { Id = "a", Name = "a", Complexity = 1, PhysicalLoad = Load.Low, HoursPerWeek = 7 },
                new() { Id = "b", Name = "b", Complexity = 1, PhysicalLoad = Load.Low, HoursPerWeek = 6 },
                new() { Id = "c", Name = "c", Complexity = 1, PhysicalLoad = Load.Low, HoursPerWeek = 6 },
            ],
        };
        var outcome = JobCarver.Carve(CareHome, [v], WorkerProfile.Of(Candidate(hoursMax: 12.5), []) with { LearnsAnySkillOnTheJob = true });
        Assert.Equal(12, outcome.Roles.Single().HoursPerWeek);
    }

    [Fact]
    public void Carve_LowCapacity_LeavesOutTheHeavierTasks()
    {
        var outcome = JobCarver.Carve(CareHome, [Verpleegkundige("vpk-1"), Verpleegkundige("vpk-2"), Verpleegkundige("vpk-3")],
            WorkerProfile.Of(Candidate(capacity: Load.Low), []));
        Assert.All(outcome.Roles, r => Assert.All(r.Tasks, t => Assert.Equal(Load.Low, t.PhysicalLoad)));
        Assert.Contains(outcome.Excluded, e => e.Name == "bedden opmaken" && e.Reason.Contains("belasting", StringComparison.Ordinal));
    }

    [Fact]
    public void Carve_NotEnoughHours_ExplainsInsteadOfProposing()
    {
        var outcome = JobCarver.Carve(CareHome, [Verpleegkundige("vpk-1")], WorkerProfile.Of(Candidate(capacity: Load.Low), []));
        Assert.Empty(outcome.Roles);
        Assert.Contains("5 uur", outcome.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Carve_VacancyWithoutTasks_SaysWhichFieldsToFill()
    {
        var e = Assert.Throws<PreconditionFailedException>(() =>
            JobCarver.Carve(CareHome, [Verpleegkundige("vpk-1") with { Tasks = [] }], WorkerProfile.Generic));
        Assert.Contains("hours_per_week", e.Message, StringComparison.Ordinal);
        Assert.Contains("en vacature vpk-1 heeft die niet", e.Message, StringComparison.Ordinal);
        var several = Assert.Throws<PreconditionFailedException>(() =>
            JobCarver.Carve(CareHome, [Verpleegkundige("vpk-1") with { Tasks = [] }, Verpleegkundige("vpk-2") with { Tasks = [] }], WorkerProfile.Generic));
        Assert.Contains("en vacatures vpk-1 en vpk-2 hebben die niet", several.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Carve_MissingSkillTaughtByShortRoute_ProposesTheRoute()
    {
        var route = new LeerwerkRoute
        {
            Id = "r-med", Name = "Medicatie basis", Provider = "ROC", Kind = RouteKind.Certificate, TeachesSkills = ["medicatie"], Weeks = 4, CostEur = 300,
        };
        var candidate = Candidate(hoursMax: 40, education: EducationLevel.Mbo4) with { ShiftsOk = [Shift.Day] };
        var outcome = JobCarver.Carve(CareHome, [Verpleegkundige("vpk-1")], WorkerProfile.Of(candidate, [route]));
        var medication = Assert.Single(outcome.Roles[0].Tasks, t => t.Name == "medicatie toedienen");
        Assert.Equal("r-med", medication.LearnBy?.Id);
    }

    private static Vacancy Nachtzorg(string id) => Verpleegkundige(id) with
    {
        Shifts = [Shift.Night],
        Tasks = [new() { Id = "ronde", Name = "nachtronde lopen", Skills = ["observeren"], Complexity = 1, PhysicalLoad = Load.Low, HoursPerWeek = 8 }],
    };

    [Fact]
    public void FitTo_RoleAboveTheCandidatesHours_CarvesItDownFromItsOwnTasks()
    {
        var vacancies = new[] { Verpleegkundige("vpk-1"), Verpleegkundige("vpk-2"), Verpleegkundige("vpk-3") };
        var role = JobCarver.Carve(CareHome, vacancies, WorkerProfile.Generic).Roles[0];
        Assert.True(role.HoursPerWeek > 24, $"the proposed role has {role.HoursPerWeek} h");
        var candidate = Candidate(hoursMax: 24) with { HoursMin = 8, ShiftsOk = [Shift.Day, Shift.Evening] };

        var fitted = JobCarver.FitTo(role, CareHome, vacancies, WorkerProfile.GenericFor(candidate));

        Assert.NotNull(fitted);
        Assert.InRange(fitted.HoursPerWeek, WorkerProfile.MinimumRoleHours, 24);
        Assert.All(fitted.Tasks, t => Assert.Contains(role.Tasks, r => (r.VacancyId, r.TaskId) == (t.VacancyId, t.TaskId)));
        Assert.Equal(role.Title, fitted.Title);
        Assert.Equal("c-1", fitted.ForCandidateId);
        Assert.Null(RoleFit.HoursGap(fitted, candidate));
        Assert.Equal($"wil 8–24 uur, rol vraagt {role.HoursPerWeek:0.##}", RoleFit.HoursGap(role, candidate));
    }

    [Fact]
    public void FitTo_ShiftTheCandidateCannotWork_DropsThatShiftsTasksOrGivesNoRole()
    {
        var vacancies = new[] { Verpleegkundige("vpk-1"), Nachtzorg("nacht-1"), Nachtzorg("nacht-2") };
        var role = JobCarver.Carve(CareHome, vacancies, WorkerProfile.Generic).Roles[0];
        Assert.Contains(Shift.Night, role.Shifts);
        var dayOnly = Candidate(hoursMax: 32) with { ShiftsOk = [Shift.Day] };

        var fitted = JobCarver.FitTo(role, CareHome, vacancies, WorkerProfile.GenericFor(dayOnly));

        Assert.NotNull(fitted);
        Assert.Equal([Shift.Day], fitted.Shifts);
        Assert.DoesNotContain(fitted.Tasks, t => t.Name == "nachtronde lopen");
        Assert.True(RoleFit.Fits(fitted, dayOnly));
        var eveningOnly = Candidate(hoursMax: 32) with { ShiftsOk = [Shift.Evening] };
        Assert.Null(JobCarver.FitTo(role with { Tasks = role.Tasks.Where(t => t.Name == "nachtronde lopen").ToArray() }, CareHome, vacancies, WorkerProfile.GenericFor(eveningOnly)));
    }

    [Fact]
    public void HoursGap_RoleBelowTheCandidatesHours_NamesBothInDutch()
    {
        var role = JobCarver.Carve(CareHome, [Verpleegkundige("vpk-1")], WorkerProfile.Generic).Roles[0];
        var candidate = Candidate(hoursMax: 38) with { HoursMin = 36 };
        Assert.Equal($"wil 36–38 uur, rol vraagt {role.HoursPerWeek:0.##}", RoleFit.HoursGap(role, candidate));
        Assert.Equal($"wil 36 uur, rol vraagt {role.HoursPerWeek:0.##}", RoleFit.HoursGap(role, candidate with { HoursMax = 36 }));
        Assert.Null(JobCarver.FitTo(role, CareHome, [Verpleegkundige("vpk-1")], WorkerProfile.GenericFor(candidate)));
    }

    [Theory]
    [InlineData(new double[] { 5, 4, 3 }, 12, 12, new[] { 0, 1, 2 })]
    [InlineData(new double[] { 10, 7, 6 }, 12, 13, new[] { 1, 2 })]
    [InlineData(new double[] { 3, 3 }, 12, 20, new int[0])]
    public void Select_Knapsack_FindsTheExactSubset(double[] hours, double min, double max, int[] expected)
    {
        var chosen = HoursKnapsack.Select(hours.Select(h => (h, h)).ToArray(), min, max);
        Assert.Equal(expected, chosen);
    }
}
