using System.Text.RegularExpressions;
using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Contract;

/// <summary>Reading vacancies (with their tasks) and candidates, the two records matching compares.</summary>
public sealed partial class ContractValidator
{
    private static readonly string[] Genders = ["m", "v", "x"];
    private static readonly string[] MigrationBackgrounds = ["nederlands", "westers", "niet-westers"];

    private static (object?, string?) ReadVacancy(RecordReader r)
    {
        var (lat, lon) = r.Coordinates();
        var id = r.Id();
        var employerId = r.Reference("employer_id", true) ?? "";
        var title = r.Text("title", true) ?? "";
        var description = r.Text("description", true, ContractLimits.FreeTextLength) ?? "";
        var isco = r.Isco("isco", true) ?? "";
        var sector = r.Label("sector", true) ?? "";
        var hoursMin = r.Number("hours_min", true, ContractLimits.WeeklyHours);
        var hoursMax = r.Number("hours_max", true, ContractLimits.WeeklyHours);
        var educationMin = r.Enum<EducationLevel>("education_min", false);
        var dutchMin = r.Enum<CefrLevel>("dutch_min", false);
        var skillsRequired = r.Labels("skills_required");
        var skillsPreferred = r.Labels("skills_preferred");
        var certificatesRequired = r.Labels("certificates_required");
        var physicalLoad = r.Enum<Load>("physical_load", true);
        var shifts = r.EnumList<Shift>("shifts", atLeastOne: true);
        var contract = r.Enum<ContractKind>("contract", true);
        var positions = r.Int("positions", false, ContractLimits.Positions, fallback: 1);
        var postedAt = r.Date("posted_at", true);
        var closesAt = r.OptionalDate("closes_at");
        var openToJobcarving = r.Bool("open_to_jobcarving");
        var offersLeerwerk = r.Bool("offers_leerwerk");
        var sroiContractId = r.Reference("sroi_contract_id", false);
        var tasks = r.Objects("tasks", ReadTask);
        r.HoursRange(hoursMin, hoursMax);
        if (r.Usable("posted_at", "closes_at")) r.Holds("closes_at", ContractLimits.BeforeRefusal(closesAt, postedAt, "posted_at"));
        if (ContractLimits.FirstDuplicateTaskId(tasks.Select(t => t.Id)) is { } duplicate)
            r.Fail("tasks", $"taak-id {ClientValue.Quote(duplicate)} komt meer dan eens voor");
        if (r.Usable("hours_max")) r.Holds("tasks", ContractLimits.TaskHoursRefusal(tasks.Select(t => t.HoursPerWeek), hoursMax, "hours_max"));
        if (!r.IsValid) return (null, id);
        return (new Vacancy
        {
            Id = id, EmployerId = employerId, Title = title, Description = description, Isco = isco, Sector = sector, Lat = lat, Lon = lon,
            HoursMin = hoursMin, HoursMax = hoursMax, EducationMin = educationMin, DutchMin = dutchMin, SkillsRequired = skillsRequired,
            SkillsPreferred = skillsPreferred, CertificatesRequired = certificatesRequired, PhysicalLoad = physicalLoad, Shifts = shifts,
            Contract = contract, Positions = positions, PostedAt = postedAt, ClosesAt = closesAt, OpenToJobcarving = openToJobcarving,
            OffersLeerwerk = offersLeerwerk, SroiContractId = sroiContractId, Tasks = tasks,
        }, id);
    }

    /// <summary>One task; null when it breaks a rule (its violations are recorded).</summary>
    private static VacancyTask? ReadTask(RecordReader r)
    {
        var id = r.Text("id", true) ?? "";
        var name = r.Text("name", true) ?? "";
        var skills = r.Labels("skills");
        var complexity = r.Int("complexity", true, ContractLimits.TaskComplexity, fallback: 1);
        var physicalLoad = r.Enum<Load>("physical_load", true);
        var hours = r.Number("hours_per_week", true, ContractLimits.PositiveHours);
        if (!r.IsValid) return null;
        return new VacancyTask { Id = id, Name = name, Skills = skills, Complexity = complexity, PhysicalLoad = physicalLoad, HoursPerWeek = hours };
    }

    private (object?, string?) ReadCandidate(RecordReader r)
    {
        var (lat, lon) = r.Coordinates();
        var id = r.Id(pseudonym: true);
        var region = r.Label("region", true) ?? "";
        var municipality = ReadMunicipality(r);
        var birthYear = r.OptionalInt("birth_year", ContractLimits.BirthYear(context.Today));
        var education = r.Enum<EducationLevel>("education", true);
        var startkwalificatie = r.Bool("startkwalificatie");
        var dutch = r.Enum<CefrLevel>("dutch", true);
        var experience = r.Objects("experience", ReadExperience);
        var skills = r.Labels("skills");
        var certificates = r.Labels("certificates");
        var desiredIsco = r.IscoList("desired_isco");
        var desiredSectors = r.Labels("desired_sectors");
        var hoursMin = r.Number("hours_min", true, ContractLimits.WeeklyHours);
        var hoursMax = r.Number("hours_max", true, ContractLimits.WeeklyHours);
        var maxDistanceKm = r.Number("max_distance_km", true, ContractLimits.MaxDistanceKm);
        var transport = r.EnumList<Transport>("transport", atLeastOne: true);
        var shiftsOk = r.EnumList<Shift>("shifts_ok", atLeastOne: true);
        var availableFrom = r.Date("available_from", true);
        var physicalCapacity = r.Enum<Load>("physical_capacity", true);
        var doelgroepregister = r.Bool("doelgroepregister");
        var loonwaardePct = r.OptionalInt("loonwaarde_pct", ContractLimits.LoonwaardePct);
        var monthsInBijstand = r.Int("months_in_bijstand", false, ContractLimits.Count);
        var priorOutflows = r.Int("prior_outflows", false, ContractLimits.Count);
        var careTasks = r.Bool("care_tasks");
        var debtSupport = r.Bool("debt_support");
        var needsJobcoach = r.Bool("needs_jobcoach");
        var profileText = r.Text("profile_text", false, ContractLimits.FreeTextLength);
        var consent = r.Bool("consent_matching", required: true);
        var protectedAttributes = r.Object("protected", p => new ProtectedAttributes(p.OneOf("gender", Genders), p.OneOf("migration_background", MigrationBackgrounds)));
        r.HoursRange(hoursMin, hoursMax);
        if (!r.IsValid) return (null, id);
        return (new Candidate
        {
            Id = id, Region = region, Municipality = municipality, Lat = lat, Lon = lon, BirthYear = birthYear, Education = education,
            Startkwalificatie = startkwalificatie, Dutch = dutch, Experience = experience, Skills = skills, Certificates = certificates,
            DesiredIsco = desiredIsco, DesiredSectors = desiredSectors, HoursMin = hoursMin, HoursMax = hoursMax, MaxDistanceKm = maxDistanceKm,
            Transport = transport, ShiftsOk = shiftsOk, AvailableFrom = availableFrom, PhysicalCapacity = physicalCapacity,
            Doelgroepregister = doelgroepregister, LoonwaardePct = loonwaardePct, MonthsInBijstand = monthsInBijstand,
            PriorOutflows = priorOutflows, CareTasks = careTasks, DebtSupport = debtSupport, NeedsJobcoach = needsJobcoach,
            ProfileText = profileText, ConsentMatching = consent, Protected = protectedAttributes,
        }, id);
    }

    /// <summary>One experience entry; null when it breaks a rule (its violations are recorded).</summary>
    private static Experience? ReadExperience(RecordReader r)
    {
        var isco = r.Isco("isco", true) ?? "";
        var years = r.Number("years", true, ContractLimits.ExperienceYears);
        return r.IsValid ? new Experience(isco, years) : null;
    }

    private static string? ReadMunicipality(RecordReader r)
    {
        // Read as any label, so that a name instead of a code ("Utrecht") is refused as not a code, whatever its length.
        var code = r.Label("municipality", false);
        if (code is not null && r.Usable("municipality") && !MunicipalityCode().IsMatch(code)) r.Fail("municipality", $"{ClientValue.Quote(code)} is geen CBS-gemeentecode (GM en 4 cijfers)");
        return code;
    }

    [GeneratedRegex("^GM[0-9]{4}$")]
    private static partial Regex MunicipalityCode();
}
