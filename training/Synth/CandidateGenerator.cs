using MatchEngine.Engine.Domain;

namespace MatchEngine.Training.Synth;

/// <summary>
/// Generates candidates calibrated to the CBS bijstand figures (age, spell length), with stacked
/// problems, psychological vulnerability, statushouders with low Dutch, education mostly up to mbo2,
/// homes around the region's real town centres, and Dutch profile texts.
/// </summary>
public sealed class CandidateGenerator(Dice dice, string region, DateOnly asOf)
{
    private readonly IReadOnlyList<Town> _towns = Geography.Towns(region);

    /// <summary>Facts behind a candidate that the record does not carry but later generators use.</summary>
    public sealed record Traits(bool Stacked, bool Vulnerable, bool Statushouder, bool Single);

    /// <summary>
    /// The days a region may be generated as of so that every birth year it draws (<see cref="CalibrationTargets.AgeBandRange"/>)
    /// keeps the contract's rule on <paramref name="importedOn"/> (<see cref="ContractLimits.BirthYear"/>): the oldest candidate
    /// born no earlier than 1940, the youngest at least 15 on the day of import; and no later than that day, as the region's
    /// placements are followed until its date and the import takes no follow-up beyond its own day.
    /// </summary>
    public static (DateOnly First, DateOnly Last) AsOfRange(DateOnly importedOn)
    {
        var oldest = CalibrationTargets.AgeBandRange.Max(b => b.Max);
        var youngest = CalibrationTargets.AgeBandRange.Min(b => b.Min);
        var lastBorn = new DateOnly(importedOn.Year - ContractLimits.MinimumAge + youngest, 12, 31);
        return (new DateOnly(ContractLimits.EarliestBirthYear + oldest, 1, 1), lastBorn < importedOn ? lastBorn : importedOn);
    }

    public (Candidate Candidate, Traits Traits) Next(int number)
    {
        var band = dice.Weighted(CalibrationTargets.AgeBandShare);
        var (minAge, maxAge) = CalibrationTargets.AgeBandRange[band];
        var age = dice.Int(minAge, maxAge + 1);
        var months = SpellMonths(band, age);
        var single = dice.Chance(CalibrationTargets.SingleWithoutChildren);
        var stacked = dice.Chance(CalibrationTargets.StackedProblems + (months >= 60 ? 0.12 : -0.08));
        var vulnerable = dice.Chance(CalibrationTargets.PsychologicalVulnerability + (stacked ? 0.15 : -0.1));
        var migration = dice.Weighted([("nederlands", 0.38), ("westers", 0.10), ("niet-westers", 0.52)]);
        var statushouder = migration == "niet-westers" && dice.Chance(0.40);
        var education = Education(stacked, statushouder);
        var dutch = Dutch(migration, statushouder, stacked);
        var town = dice.Weighted(_towns.Select(t => (t, t.Population)).ToArray());
        var experience = Experience(age, months, education);
        var skills = experience.SelectMany(e => Occupations.ByIsco(e.Isco).Skills.Take(dice.Int(1, 3))).Distinct().ToList();
        if (dice.Chance(0.3)) skills.Add(dice.Pick(["schoonmaken", "computervaardig", "klantvriendelijkheid", "tillen", "koken", "Engels"]));
        var certificates = new List<string>();
        if (dice.Chance(0.35)) certificates.Add("rijbewijs B");
        if (experience.Any(e => Occupations.ByIsco(e.Isco).Certificates.Contains("VCA")) && dice.Chance(0.6) || dice.Chance(0.05)) certificates.Add("VCA");
        if (experience.Any(e => e.Isco == "8344") && dice.Chance(0.7) || dice.Chance(0.03)) certificates.Add("heftruckcertificaat");
        if (dice.Chance(0.05)) certificates.Add("BHV");
        var desired = experience.Select(e => e.Isco).Concat(dice.Sample(Occupations.All.Select(o => o.Isco).ToArray(), dice.Int(0, 3))).Distinct().Take(3).ToArray();
        var capacity = stacked && dice.Chance(0.5) ? Load.Low : dice.Chance(0.45) ? Load.Medium : Load.High;
        var careTasks = !single && dice.Chance(0.6);
        var hoursMin = careTasks ? dice.Int(8, 17) : dice.Int(12, 25);
        var hoursMax = Math.Min(40, hoursMin + dice.Int(4, 21));
        var transport = new List<Transport>();
        if (dice.Chance(0.75)) transport.Add(Transport.Bike);
        if (dice.Chance(0.5)) transport.Add(Transport.PublicTransport);
        if (certificates.Contains("rijbewijs B") && dice.Chance(0.7)) transport.Add(Transport.Car);
        if (transport.Count == 0) transport.Add(Transport.Bike);
        var shifts = new List<Shift>();
        if (dice.Chance(0.92)) shifts.Add(Shift.Day);
        if (!careTasks && dice.Chance(0.45) || dice.Chance(0.15)) shifts.Add(Shift.Evening);
        if (dice.Chance(0.1)) shifts.Add(Shift.Night);
        if (dice.Chance(0.35)) shifts.Add(Shift.Weekend);
        if (shifts.Count == 0) shifts.Add(Shift.Day);
        var doelgroep = dice.Chance(stacked ? 0.14 : 0.04);
        var available = dice.Chance(0.15) ? asOf.AddDays(dice.Int(1, 91)) : asOf.AddDays(-dice.Int(0, 365));
        var traits = new Traits(stacked, vulnerable, statushouder, single);
        var candidate = new Candidate
        {
            Id = $"c{number:D6}",
            Region = region,
            Municipality = town.Municipality,
            Lat = Math.Round(town.Lat + dice.Normal() * 0.02, 3),
            Lon = Math.Round(town.Lon + dice.Normal() * 0.03, 3),
            BirthYear = asOf.Year - age,
            Education = education,
            Startkwalificatie = education >= EducationLevel.Mbo2 || education == EducationLevel.Vo && dice.Chance(0.3),
            Dutch = dutch,
            Experience = experience,
            Skills = skills,
            Certificates = certificates,
            DesiredIsco = desired,
            DesiredSectors = desired.Select(i => Occupations.ByIsco(i).Sector).Distinct().ToArray(),
            HoursMin = hoursMin,
            HoursMax = hoursMax,
            MaxDistanceKm = transport.Contains(Transport.Car) ? dice.Int(10, 31) : dice.Int(4, 16),
            Transport = transport.Distinct().ToArray(),
            ShiftsOk = shifts.Distinct().ToArray(),
            AvailableFrom = available,
            PhysicalCapacity = capacity,
            Doelgroepregister = doelgroep,
            LoonwaardePct = doelgroep ? dice.Int(40, 91) : null,
            MonthsInBijstand = months,
            PriorOutflows = Math.Min(4, (int)Math.Floor(-Math.Log(1 - dice.Uniform()) * (0.4 + age / 80.0))),
            CareTasks = careTasks,
            DebtSupport = dice.Chance(stacked ? 0.65 : 0.12),
            NeedsJobcoach = dice.Chance(vulnerable ? 0.55 : 0.1),
            ConsentMatching = dice.Chance(0.9),
            Protected = new ProtectedAttributes(dice.Weighted([("v", 0.54), ("m", 0.45), ("x", 0.01)]), migration),
        };
        return (candidate with { ProfileText = ProfileTexts.Write(dice, candidate, traits) }, traits);
    }

    private int SpellMonths(int band, int age)
    {
        var maxMonths = Math.Max(1, (age - 18) * 12);
        var x = dice.Uniform();
        var fivePlus = CalibrationTargets.FivePlusYearsShare[band];
        var twoToFive = CalibrationTargets.TwoToFiveYearsShare[band];
        int months;
        if (x < fivePlus) months = 60 + (int)Math.Floor(-Math.Log(1 - dice.Uniform()) * 60);
        else if (x < fivePlus + twoToFive) months = dice.Int(24, 60);
        else months = dice.Int(1, 24);
        return Math.Min(months, Math.Max(maxMonths, months < 60 ? months : 60));
    }

    private EducationLevel Education(bool stacked, bool statushouder)
    {
        (EducationLevel, double)[] table = stacked || statushouder
            ? [(EducationLevel.None, .25), (EducationLevel.Vo, .30), (EducationLevel.Mbo1, .18), (EducationLevel.Mbo2, .17), (EducationLevel.Mbo3, .06), (EducationLevel.Mbo4, .03),
                (EducationLevel.Hbo, .01)]
            : [(EducationLevel.None, .08), (EducationLevel.Vo, .22), (EducationLevel.Mbo1, .14), (EducationLevel.Mbo2, .26), (EducationLevel.Mbo3, .14), (EducationLevel.Mbo4, .10),
                (EducationLevel.Hbo, .05), (EducationLevel.Wo, .01)];
        return dice.Weighted(table);
    }

    private CefrLevel Dutch(string migration, bool statushouder, bool stacked)
    {
        if (statushouder) return dice.Weighted([(CefrLevel.None, .08), (CefrLevel.A1, .42), (CefrLevel.A2, .38), (CefrLevel.B1, .12)]);
        return migration switch
        {
            "nederlands" => stacked ? dice.Weighted([(CefrLevel.B1, .25), (CefrLevel.B2, .4), (CefrLevel.C1, .35)]) : dice.Weighted([(CefrLevel.B2, .3), (CefrLevel.C1, .5), (CefrLevel.C2, .2)]),
            "westers" => dice.Weighted([(CefrLevel.A2, .15), (CefrLevel.B1, .35), (CefrLevel.B2, .35), (CefrLevel.C1, .15)]),
            _ => dice.Weighted([(CefrLevel.A2, .25), (CefrLevel.B1, .40), (CefrLevel.B2, .25), (CefrLevel.C1, .10)]),
        };
    }

    private Experience[] Experience(int age, int months, EducationLevel education)
    {
        var workingYears = Math.Max(0, age - 18 - months / 12.0);
        var count = workingYears < 1 ? (dice.Chance(0.4) ? 1 : 0) : dice.Int(1, 4);
        var fitting = Occupations.All.Where(o => o.Education <= education + 1).ToArray();
        var list = new List<Experience>();
        for (var i = 0; i < count; i++)
        {
            var occupation = dice.Weighted(fitting.Select(o => (o, o.Weight)).ToArray());
            if (list.Any(e => e.Isco == occupation.Isco)) continue;
            list.Add(new Experience(occupation.Isco, Math.Round(Math.Max(0.5, Math.Min(workingYears, dice.Uniform(0.5, 8))), 1)));
        }
        return list.ToArray();
    }
}
