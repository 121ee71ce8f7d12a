using System.Text.Json.Nodes;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;
using MatchEngine.Tests.Support;

namespace MatchEngine.Tests.Domain;

public sealed class RecordInvariantsTests
{
    public static TheoryData<string, Func<object>, string> OutOfRange() => new()
    {
        { "vacancy hours_min below 1", () => Records.Vacancy("v") with { HoursMin = 0.5 }, "HoursMin" },
        { "vacancy hours_max above 40", () => Records.Vacancy("v") with { HoursMax = 41 }, "HoursMax" },
        { "vacancy outside NL", () => Records.Vacancy("v") with { Lon = 2.0 }, "Lon" },
        { "vacancy positions 0", () => Records.Vacancy("v") with { Positions = 0 }, "Positions" },
        { "task complexity 6", () => Task("t1", 4) with { Complexity = 6 }, "Complexity" },
        { "task hours 0", () => Task("t1", 0), "HoursPerWeek" },
        { "candidate outside NL", () => Records.Candidate("c") with { Lat = 54.1 }, "Lat" },
        { "candidate birth year 1939", () => Records.Candidate("c") with { BirthYear = 1939 }, "BirthYear" },
        { "candidate max distance 0", () => Records.Candidate("c") with { MaxDistanceKm = 0 }, "MaxDistanceKm" },
        { "candidate loonwaarde 101", () => Records.Candidate("c") with { LoonwaardePct = 101 }, "LoonwaardePct" },
        { "candidate months negative", () => Records.Candidate("c") with { MonthsInBijstand = -3 }, "MonthsInBijstand" },
        { "candidate prior outflows negative", () => Records.Candidate("c") with { PriorOutflows = -1 }, "PriorOutflows" },
        { "experience years negative", () => new Experience("8344", -1), "Years" },
        { "employer outside NL", () => Records.Employer() with { Lat = 48.85 }, "Lat" },
        { "route weeks 0", () => Route() with { Weeks = 0 }, "Weeks" },
        { "route cost negative", () => Route() with { CostEur = -1m }, "CostEur" },
        { "route outside NL", () => Route() with { Lat = 40.0 }, "Lat" },
        { "sroi value 0", () => Sroi() with { ContractValueEur = 0m }, "ContractValueEur" },
        { "sroi pct above 100", () => Sroi() with { ObligationPct = 100.5m }, "ObligationPct" },
        { "placement hours 0", () => Placement() with { HoursPerWeek = 0 }, "HoursPerWeek" },
        { "event position 0", () => Event() with { Position = 0 }, "Position" },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void Build_ValueOutsideTheContractRange_ThrowsNamingTheProperty(string rule, Func<object> build, string property)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(build);
        Assert.Equal(property, e.ParamName);
        Assert.StartsWith($"{property} moet ", e.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(rule));
    }

    public static TheoryData<string, Func<object>, string> BrokenBetweenProperties() => new()
    {
        { "vacancy hours min > max", () => Records.Vacancy("v") with { HoursMin = 38 }, "HoursMin" },
        { "vacancy hours max < min", () => Records.Vacancy("v") with { HoursMax = 20 }, "HoursMax" },
        { "vacancy closes before posted", () => Records.Vacancy("v") with { ClosesAt = new DateOnly(2025, 5, 31) }, "ClosesAt" },
        { "vacancy without shifts", () => Records.Vacancy("v") with { Shifts = [] }, "Shifts" },
        { "vacancy task hours above hours_max", () => Records.Vacancy("v") with { Tasks = [Task("t1", 30), Task("t2", 10)] }, "Tasks" },
        { "vacancy task ids not unique", () => Records.Vacancy("v") with { Tasks = [Task("t1", 4), Task("t1", 4)] }, "Tasks" },
        { "vacancy hours_max below the tasks", () => Records.Vacancy("v") with { Tasks = [Task("t1", 30)], HoursMax = 28 }, "HoursMax" },
        { "candidate hours min > max", () => Records.Candidate("c") with { HoursMin = 33 }, "HoursMin" },
        { "candidate without transport", () => Records.Candidate("c") with { Transport = [] }, "Transport" },
        { "candidate without shifts", () => Records.Candidate("c") with { ShiftsOk = [] }, "ShiftsOk" },
        { "sroi end before start", () => Sroi() with { End = new DateOnly(2024, 12, 31) }, "End" },
        { "placement observed before start", () => Placement() with { ObservedUntil = new DateOnly(2025, 1, 31) }, "ObservedUntil" },
        { "placement ended before start", () => Placement() with { Ended = new DateOnly(2025, 1, 31) }, "Ended" },
        { "placement herinstroom before start", () => Placement() with { HerinstroomAt = new DateOnly(2025, 1, 31) }, "HerinstroomAt" },
        { "placement start after observed", () => Placement() with { Start = new DateOnly(2025, 7, 1) }, "ObservedUntil" },
    };

    [Theory]
    [MemberData(nameof(BrokenBetweenProperties))]
    public void Build_RuleBetweenPropertiesBroken_ThrowsNamingTheProperty(string rule, Func<object> build, string property)
    {
        var e = Assert.ThrowsAny<ArgumentException>(build);
        Assert.Equal(property, e.ParamName);
        Assert.False(string.IsNullOrEmpty(rule));
    }

    [Fact]
    public void Build_ValuesOnTheBounds_AreKept()
    {
        var vacancy = Records.Vacancy("v") with { HoursMin = 1, HoursMax = 40, Tasks = [Task("t1", 40)], ClosesAt = new DateOnly(2025, 6, 1) };
        var candidate = Records.Candidate("c") with { Lat = 50.7, Lon = 7.3, HoursMax = 40, HoursMin = 40, LoonwaardePct = 0, BirthYear = 1940 };

        Assert.Equal((1.0, 40.0), (vacancy.HoursMin, vacancy.HoursMax));
        Assert.Equal((50.7, 7.3, 40.0), (candidate.Lat, candidate.Lon, candidate.HoursMin));
    }

    [Fact]
    public void With_BothBoundsMovedInAnOrderThatKeepsMinAtMostMax_IsKept()
    {
        var moved = Records.Candidate("c") with { HoursMax = 40, HoursMin = 36 };

        Assert.Equal((36.0, 40.0), (moved.HoursMin, moved.HoursMax));
    }

    [Fact]
    public void Refusal_OfTheRecordAndOfTheImport_IsTheSameRule()
    {
        var json = ContractSamples.Vacancy();
        json["hours_min"] = 0.5;
        var violation = new ContractValidator(new ValidationContext(ContractSamples.Today)).Parse(EntityKind.Vacancy, json.ToJsonString())
            .Violations.Single(v => v.Field == "hours_min");
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Records.Vacancy("v") with { HoursMin = 0.5 });

        Assert.Equal("moet 1–40 zijn, niet 0,5", violation.Reason);
        Assert.StartsWith($"HoursMin {violation.Reason}.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_LineBreakingARule_IsRejectedNotThrown()
    {
        var json = ContractSamples.Candidate();
        json["hours_min"] = 30;
        json["hours_max"] = 20;
        json["lat"] = 54.1;

        var parsed = new ContractValidator(new ValidationContext(ContractSamples.Today)).Parse(EntityKind.Candidate, json.ToJsonString());

        Assert.Null(parsed.Record);
        Assert.Equal(["hours_min", "lat"], parsed.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
    }

    private static VacancyTask Task(string id, double hours) => new()
    {
        Id = id, Name = "orders verzamelen", Complexity = 2, PhysicalLoad = Load.Medium, HoursPerWeek = hours,
    };

    private static LeerwerkRoute Route() => new()
    {
        Id = "r1", Name = "Heftruckcertificaat", Provider = "ROC", Kind = RouteKind.Certificate, Weeks = 2, CostEur = 450m, Lat = 52.2, Lon = 5.2,
    };

    private static SroiContract Sroi() => new()
    {
        Id = "s1", EmployerId = "emp-1", ContractValueEur = 1_000_000m, ObligationPct = 5m, Start = new DateOnly(2025, 1, 1), End = new DateOnly(2025, 12, 31),
    };

    private static Placement Placement() => new()
    {
        Id = "p1", CandidateId = "c1", EmployerId = "emp-1", Start = new DateOnly(2025, 2, 1), HoursPerWeek = 24, Contract = ContractKind.Temporary,
        ObservedUntil = new DateOnly(2025, 6, 30),
    };

    private static MatchEvent Event() => new()
    {
        VacancyId = "v1", CandidateId = "c1", At = new DateTimeOffset(2025, 5, 10, 9, 30, 0, TimeSpan.FromHours(2)), Stage = MatchStage.Proposed,
    };
}
