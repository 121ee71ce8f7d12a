using MatchEngine.Engine.Domain;

namespace MatchEngine.Training.Synth;

/// <summary>
/// Generates employers in the shortage sectors with Dutch names near the region's towns, their
/// vacancies with requirements and task breakdowns (hours scaled to fit hours_max), and SROI contracts
/// for contractors in bouw, groen, schoonmaak, installatie and energie.
/// </summary>
public sealed class EmployerGenerator(Dice dice, string region, DateOnly asOf)
{
    private readonly IReadOnlyList<Town> _towns = Geography.Towns(region);
    private int _vacancyNumber;

    private static readonly Dictionary<string, string[]> NamePatterns = new()
    {
        ["zorg"] = ["Zorggroep {town}", "Woonzorgcentrum De {tree}", "Thuiszorg {town}", "Verpleeghuis {tree}hof"],
        ["kinderopvang"] = ["Kinderopvang De {animal}", "KDV {animal}je", "Kinderopvang {town}"],
        ["horeca"] = ["Restaurant De {animal}", "Hotel {town}", "Eetcafé De {tree}", "Grand Café {town}"],
        ["installatie"] = ["{surname} Installatietechniek", "Installatiebedrijf {town}", "{surname} & Zn Installaties"],
        ["energie"] = ["{town} Zon", "SolarTeam {surname}", "Laadpunt {town}"],
        ["bouw"] = ["Bouwbedrijf {surname}", "{surname} Bouw", "Aannemersbedrijf {town}"],
        ["groen"] = ["Hoveniersbedrijf {surname}", "Groenbedrijf {town}", "{surname} Groen"],
        ["detailhandel"] = ["Supermarkt {town}", "{surname} Mode", "Bouwmarkt {town}"],
        ["logistiek"] = ["Distributiecentrum {town}", "{surname} Transport", "Logistiek {town}"],
        ["productie"] = ["{surname} Verpakkingen", "Productiebedrijf {town}"],
        ["schoonmaak"] = ["Schoonmaakbedrijf {surname}", "{town} Facilitair"],
        ["overheid"] = ["Gemeente {town}"],
    };

    private static readonly string[] Surnames = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Bos", "Vos", "Peters", "Hendriks", "van Dijk", "Dekker"];
    private static readonly string[] Trees = ["Linde", "Eik", "Beuk", "Wilg", "Es", "Berk", "Hazelaar"];
    private static readonly string[] Animals = ["Uil", "Vos", "Egel", "Zwaluw", "Kikker", "Beer", "Vlinder"];

    public Employer NextEmployer(int number, string sector)
    {
        var town = dice.Weighted(_towns.Select(t => (t, t.Population)).ToArray());
        var name = dice.Pick(NamePatterns[sector])
            .Replace("{town}", town.Name, StringComparison.Ordinal).Replace("{surname}", dice.Pick(Surnames), StringComparison.Ordinal)
            .Replace("{tree}", dice.Pick(Trees), StringComparison.Ordinal).Replace("{animal}", dice.Pick(Animals), StringComparison.Ordinal);
        return new Employer
        {
            Id = $"e{number:D5}",
            Name = name,
            Sector = sector,
            Lat = Math.Round(town.Lat + dice.Normal() * 0.012, 4),
            Lon = Math.Round(town.Lon + dice.Normal() * 0.018, 4),
            Size = dice.Weighted([(EmployerSize.Small, .5), (EmployerSize.Medium, .35), (EmployerSize.Large, .15)]),
            Inclusive = dice.Chance(0.25),
        };
    }

    /// <summary>A vacancy of <paramref name="occupation"/> at <paramref name="employer"/>, posted on <paramref name="posted"/>.</summary>
    public Vacancy NextVacancy(Employer employer, Occupation occupation, DateOnly posted, bool open, string? sroiContractId)
    {
        var hoursMax = (double)dice.Weighted([(24, .15), (28, .1), (32, .3), (36, .25), (38, .1), (40, .1)]);
        var hoursMin = Math.Max(8, hoursMax - dice.Int(0, 13));
        var tasks = Tasks(occupation, hoursMax);
        var closes = open ? (dice.Chance(0.15) ? (DateOnly?)null : posted.AddDays(dice.Int(30, 91))) : posted.AddDays(dice.Int(20, 75));
        if (open && closes is { } c && c < asOf) closes = asOf.AddDays(dice.Int(7, 60));
        var number = ++_vacancyNumber;
        return new Vacancy
        {
            Id = $"v{number:D6}",
            EmployerId = employer.Id,
            Title = occupation.Title,
            Description = $"{employer.Name} zoekt een {occupation.Title.ToLowerInvariant()}. {occupation.Duties} " +
                          dice.Pick(["Je werkt in een hecht team.", "Goede begeleiding bij de start.", "Een goede werk-privébalans staat bij ons voorop.",
                              "Je krijgt een goed salaris en reiskostenvergoeding."]) + " " +
                          $"Je werkt {hoursMin:0}–{hoursMax:0} uur per week.",
            Isco = occupation.Isco,
            Sector = occupation.Sector,
            Lat = employer.Lat,
            Lon = employer.Lon,
            HoursMin = hoursMin,
            HoursMax = hoursMax,
            EducationMin = dice.Chance(0.2) && occupation.Education > EducationLevel.None ? occupation.Education - 1 : occupation.Education,
            DutchMin = occupation.Dutch,
            SkillsRequired = occupation.Skills,
            SkillsPreferred = occupation.PreferredSkills,
            CertificatesRequired = occupation.Certificates,
            PhysicalLoad = occupation.Load,
            Shifts = occupation.Shifts.Where((_, i) => i == 0 || dice.Chance(0.6)).ToArray(),
            Contract = dice.Weighted([(ContractKind.Temporary, .5), (ContractKind.Permanent, .25), (ContractKind.Agency, .15), (ContractKind.OnCall, .1)]),
            Positions = dice.Weighted([(1, .7), (2, .2), (3, .1)]),
            PostedAt = posted,
            ClosesAt = closes,
            OpenToJobcarving = dice.Chance(employer.Inclusive ? 0.5 : 0.2),
            OffersLeerwerk = dice.Chance(employer.Inclusive ? 0.45 : 0.15),
            SroiContractId = sroiContractId,
            Tasks = tasks,
        };
    }

    public SroiContract NextSroiContract(int number, Employer employer)
    {
        var start = asOf.AddDays(-dice.Int(60, 720));
        return new SroiContract
        {
            Id = $"sroi{number:D4}",
            EmployerId = employer.Id,
            Description = employer.Sector switch
            {
                "bouw" => "Renovatie sociale huurwoningen",
                "groen" => "Onderhoud openbaar groen",
                "schoonmaak" => "Schoonmaak gemeentelijke gebouwen",
                "energie" => "Verduurzaming maatschappelijk vastgoed",
                _ => "Onderhoud installaties gemeentelijk vastgoed",
            },
            ContractValueEur = Math.Round((decimal)dice.Uniform(0.4, 12) * 1_000m) * 1_000m,
            ObligationPct = dice.Weighted([(5m, .7), (3m, .1), (7.5m, .1), (10m, .1)]),
            Start = start,
            End = start.AddDays(dice.Int(365, 1460)),
        };
    }

    private VacancyTask[] Tasks(Occupation occupation, double hoursMax)
    {
        var total = hoursMax * dice.Uniform(0.85, 1.0);
        var shares = occupation.Tasks.Select(t => t.Share * dice.Uniform(0.8, 1.2)).ToArray();
        var sum = shares.Sum();
        return occupation.Tasks.Select((t, i) => new VacancyTask
        {
            Id = $"t{i + 1}",
            Name = t.Name,
            Skills = t.Skills,
            Complexity = t.Complexity,
            PhysicalLoad = t.Load,
            HoursPerWeek = Math.Max(0.5, Math.Floor(total * shares[i] / sum * 2) / 2),
        }).ToArray();
    }
}
