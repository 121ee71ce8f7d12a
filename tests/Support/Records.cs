using MatchEngine.Engine.Domain;

namespace MatchEngine.Tests.Support;

/// <summary>Domain records for tests, built in code; vary them with <c>with</c>.</summary>
public static class Records
{
    public static Employer Employer(string id = "emp-1") => new()
    {
        Id = id, Name = "Logistiek Centrum Hilversum", Sector = "logistiek", Lat = 52.2292, Lon = 5.1669, Size = EmployerSize.Large, Inclusive = true,
    };

    public static Candidate Candidate(string id, string profile = "", double lat = 52.2292, double lon = 5.1669) => new()
    {
        Id = id, Region = "GV", Municipality = "GM0402", Lat = lat, Lon = lon, BirthYear = 1985, Education = EducationLevel.Mbo2, Dutch = CefrLevel.B1,
        HoursMin = 16, HoursMax = 32, MaxDistanceKm = 15, Transport = [Transport.Bike], ShiftsOk = [Shift.Day], AvailableFrom = new DateOnly(2025, 5, 1),
        PhysicalCapacity = Load.Medium, ConsentMatching = true, ProfileText = profile, MonthsInBijstand = 30,
    };

    public static Vacancy Vacancy(string id, string title = "Magazijnmedewerker", string description = "Orders verzamelen in ons magazijn.",
        string employerId = "emp-1") => new()
    {
        Id = id, EmployerId = employerId, Title = title, Description = description, Isco = "4321", Sector = "logistiek", Lat = 52.2292, Lon = 5.1669,
        HoursMin = 24, HoursMax = 36, PhysicalLoad = Load.Medium, Shifts = [Shift.Day], Contract = ContractKind.Temporary,
        PostedAt = new DateOnly(2025, 6, 1), ClosesAt = new DateOnly(2025, 7, 31),
    };
}
