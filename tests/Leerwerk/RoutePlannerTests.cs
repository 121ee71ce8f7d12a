using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Leerwerk;

namespace MatchEngine.Tests.Leerwerk;

public class RoutePlannerTests
{
    private static LeerwerkRoute Route(string id, RouteKind kind, int weeks, decimal cost, string? sector = null, string[]? skills = null,
        string[]? certifies = null, CefrLevel requiresDutch = CefrLevel.None, CefrLevel? raisesDutch = null, EducationLevel? raisesEducation = null,
        bool onTheJob = false) => new()
    {
        Id = id, Name = id, Provider = "ROC Midden", Kind = kind, Weeks = weeks, CostEur = cost, Sector = sector, TeachesSkills = skills ?? [],
        Certifies = certifies ?? [], RequiresDutchMin = requiresDutch, RaisesDutchTo = raisesDutch, RaisesEducationTo = raisesEducation,
        WithWorkPlacement = onTheJob,
    };

    private static readonly LeerwerkRoute[] Catalogue =
    [
        Route("nt2-a1-a2", RouteKind.Language, 20, 1500, raisesDutch: CefrLevel.A2),
        Route("nt2-a2-b1", RouteKind.Language, 26, 2000, requiresDutch: CefrLevel.A2, raisesDutch: CefrLevel.B1),
        Route("pl-logistiek-mbo2", RouteKind.PraktijklerenMbo, 40, 3500, "logistiek", ["orderpicken", "voorraadbeheer"], requiresDutch: CefrLevel.A2,
            raisesEducation: EducationLevel.Mbo2, onTheJob: true),
        Route("heftruck", RouteKind.Certificate, 1, 450, "logistiek", ["heftruck rijden"], ["heftruckcertificaat"]),
        Route("heftruck-luxe", RouteKind.Certificate, 1, 900, "logistiek", ["heftruck rijden"], ["heftruckcertificaat"]),
        Route("vca", RouteKind.Certificate, 1, 250, certifies: ["VCA"]),
        Route("bbl-zorg", RouteKind.Bbl, 104, 0, "zorg", ["medicatie"], raisesEducation: EducationLevel.Mbo3, requiresDutch: CefrLevel.B1),
    ];

    private static readonly Candidate Statushouder = new()
    {
        Id = "c-1", Region = "GV", Lat = 52.2, Lon = 5.2, Education = EducationLevel.Vo, Dutch = CefrLevel.A1, HoursMin = 20, HoursMax = 36,
        MaxDistanceKm = 15, Transport = [Transport.Bike], ShiftsOk = [Shift.Day], AvailableFrom = new DateOnly(2025, 1, 1),
        PhysicalCapacity = Load.High, ConsentMatching = true,
    };

    private static readonly Vacancy Magazijn = new()
    {
        Id = "v-1", EmployerId = "e-1", Title = "Magazijnmedewerker", Description = "Orders verzamelen", Isco = "4321", Sector = "logistiek",
        Lat = 52.2, Lon = 5.2, HoursMin = 24, HoursMax = 36, EducationMin = EducationLevel.Mbo2, DutchMin = CefrLevel.A2,
        SkillsRequired = ["orderpicken"], CertificatesRequired = ["heftruckcertificaat", "VCA"], PhysicalLoad = Load.High, Shifts = [Shift.Day],
        Contract = ContractKind.Temporary, PostedAt = new DateOnly(2025, 6, 1), OffersLeerwerk = true,
    };

    [Fact]
    public void Plan_LowDutch_ChainsNt2BeforePraktijkleren()
    {
        var path = new RoutePlanner(Catalogue).Plan(Statushouder, Magazijn);
        Assert.True(path.ClosesAll);
        var ids = path.Steps.Select(s => s.Id).ToList();
        Assert.True(ids.IndexOf("nt2-a1-a2") < ids.IndexOf("pl-logistiek-mbo2"));
        Assert.Contains("heftruck", ids);
        Assert.Contains("vca", ids);
        Assert.DoesNotContain("heftruck-luxe", ids);
        Assert.DoesNotContain("nt2-a2-b1", ids);
        Assert.Equal(20 + 40 + 1 + 1, path.TotalWeeks);
        Assert.Equal(1500 + 3500 + 450 + 250m, path.TotalCostEur);
        Assert.True(path.OnTheJobAtEmployer);
    }

    [Fact]
    public void Plan_GapNoRouteCloses_NamesTheGap()
    {
        var vacancy = Magazijn with { CertificatesRequired = ["rijbewijs C"] };
        var path = new RoutePlanner(Catalogue).Plan(Statushouder with { Dutch = CefrLevel.B1, Education = EducationLevel.Mbo2, Skills = ["orderpicken"] }, vacancy);
        Assert.False(path.ClosesAll);
        Assert.Equal("mist rijbewijs C", Assert.Single(path.Unclosable).Describe());
    }

    [Fact]
    public void Plan_NoGaps_IsAnEmptyPath()
    {
        var ready = Statushouder with { Dutch = CefrLevel.B1, Education = EducationLevel.Mbo2, Skills = ["orderpicken"], Certificates = ["VCA", "heftruckcertificaat"] };
        var path = new RoutePlanner(Catalogue).Plan(ready, Magazijn);
        Assert.True(path.ClosesAll);
        Assert.Empty(path.Steps);
    }

    [Fact]
    public void Plan_OtherSectorRoute_IsNotUsed()
    {
        var zorg = Magazijn with { Sector = "zorg", SkillsRequired = ["orderpicken"], CertificatesRequired = [] , EducationMin = EducationLevel.None };
        var path = new RoutePlanner(Catalogue).Plan(Statushouder with { Dutch = CefrLevel.B1 }, zorg);
        Assert.False(path.ClosesAll);
    }
}
