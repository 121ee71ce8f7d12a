using System.Text.Json;
using System.Text.RegularExpressions;
using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Contract;

/// <summary>The outcome of reading one record: the record when valid, else every violation.</summary>
public sealed record Parsed<T>(T? Record, string? Id, IReadOnlyList<FieldViolation> Violations) where T : class
{
    /// <summary>True when the record keeps every rule checked so far.</summary>
    public bool IsValid => Record is not null && Violations.Count == 0;
}

/// <summary>
/// Checks one record against every rule of the data contract (version 1) that the record alone can
/// decide. References to other records are checked by <see cref="ReferenceCheck"/> once the whole
/// folder (or the store) is known. Thread-safe.
/// </summary>
public sealed partial class ContractValidator(ValidationContext context)
{
    private static readonly string[] Genders = ["m", "v", "x"];
    private static readonly string[] MigrationBackgrounds = ["nederlands", "westers", "niet-westers"];

    /// <summary>Parses one JSON line of <paramref name="kind"/>; malformed JSON is a violation of field <c>(line)</c>.</summary>
    public Parsed<object> Parse(EntityKind kind, string json)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            return new Parsed<object>(null, null, [new FieldViolation("(line)", $"not valid JSON: {FirstSentence(e.Message)}")]);
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                return new Parsed<object>(null, null, [new FieldViolation("(line)", "must be one JSON object")]);
            return Read(kind, doc.RootElement);
        }
    }

    /// <summary>Reads one JSON object of <paramref name="kind"/>.</summary>
    public Parsed<object> Read(EntityKind kind, JsonElement element)
    {
        var violations = new List<FieldViolation>();
        var r = new RecordReader(element, violations);
        (object record, string? id) = kind switch
        {
            EntityKind.Employer => Wrap(ReadEmployer(r)),
            EntityKind.SroiContract => Wrap(ReadSroiContract(r)),
            EntityKind.Vacancy => Wrap(ReadVacancy(r)),
            EntityKind.Candidate => Wrap(ReadCandidate(r)),
            EntityKind.Route => Wrap(ReadRoute(r)),
            EntityKind.MatchEvent => ((object)ReadMatchEvent(r), null),
            EntityKind.Placement => Wrap(ReadPlacement(r)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        return new Parsed<object>(violations.Count == 0 ? record : null, id, violations);

        static (object, string?) Wrap<T>(T x) where T : class => (x, (string?)typeof(T).GetProperty("Id")!.GetValue(x));
    }

    /// <summary>Checks a record built in code (gRPC, the generator) by its contract form.</summary>
    public Parsed<object> Check<T>(EntityKind kind, T record) where T : class
    {
        using var doc = JsonDocument.Parse(ContractJson.Serialize(record));
        return Read(kind, doc.RootElement);
    }

    private static Employer ReadEmployer(RecordReader r)
    {
        var (lat, lon) = r.Coordinates();
        return new Employer
        {
            Id = r.Id(),
            Name = r.Text("name", true, 500) ?? "",
            Sector = r.Label("sector", true) ?? "",
            Lat = lat,
            Lon = lon,
            Size = r.Enum<EmployerSize>("size", true),
            Inclusive = r.Bool("inclusive"),
        };
    }

    private static SroiContract ReadSroiContract(RecordReader r)
    {
        var c = new SroiContract
        {
            Id = r.Id(),
            EmployerId = r.Reference("employer_id", true) ?? "",
            Description = r.Text("description", false),
            ContractValueEur = r.Money("contract_value_eur", true, 0m, minExclusive: true),
            ObligationPct = r.Money("obligation_pct", true, 0m, max: 100m),
            Start = r.Date("start", true),
            End = r.Date("end", true),
        };
        if (r.Present("start") && r.Present("end") && c.Start > c.End) r.Fail("end", $"{c.End:yyyy-MM-dd} is before start {c.Start:yyyy-MM-dd}");
        return c;
    }

    private static Vacancy ReadVacancy(RecordReader r)
    {
        var (lat, lon) = r.Coordinates();
        var v = new Vacancy
        {
            Id = r.Id(),
            EmployerId = r.Reference("employer_id", true) ?? "",
            Title = r.Text("title", true, 500) ?? "",
            Description = r.Text("description", true) ?? "",
            Isco = r.Isco("isco", true) ?? "",
            Sector = r.Label("sector", true) ?? "",
            Lat = lat,
            Lon = lon,
            HoursMin = r.Number("hours_min", true, 1, 40),
            HoursMax = r.Number("hours_max", true, 1, 40),
            EducationMin = r.Enum<EducationLevel>("education_min", false),
            DutchMin = r.Enum<CefrLevel>("dutch_min", false),
            SkillsRequired = r.Labels("skills_required"),
            SkillsPreferred = r.Labels("skills_preferred"),
            CertificatesRequired = r.Labels("certificates_required"),
            PhysicalLoad = r.Enum<Load>("physical_load", true),
            Shifts = r.EnumList<Shift>("shifts", atLeastOne: true),
            Contract = r.Enum<ContractKind>("contract", true),
            Positions = r.Int("positions", false, 1, fallback: 1),
            PostedAt = r.Date("posted_at", true),
            ClosesAt = r.OptionalDate("closes_at"),
            OpenToJobcarving = r.Bool("open_to_jobcarving"),
            OffersLeerwerk = r.Bool("offers_leerwerk"),
            SroiContractId = r.Reference("sroi_contract_id", false),
            Tasks = r.Objects("tasks", ReadTask),
        };
        r.HoursRange(v.HoursMin, v.HoursMax);
        if (v.ClosesAt is { } closes && r.Present("posted_at") && closes < v.PostedAt)
            r.Fail("closes_at", $"{closes:yyyy-MM-dd} is before posted_at {v.PostedAt:yyyy-MM-dd}");
        var duplicate = v.Tasks.GroupBy(t => t.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) r.Fail("tasks", $"task id {ClientValue.Quote(duplicate.Key)} is used more than once");
        var taskHours = v.Tasks.Sum(t => t.HoursPerWeek);
        if (taskHours > v.HoursMax + 1e-9)
            r.Fail("tasks", $"task hours add up to {taskHours:0.##}, above hours_max {v.HoursMax:0.##}");
        return v;
    }

    private static VacancyTask ReadTask(RecordReader r) => new()
    {
        Id = r.Text("id", true, 64) ?? "",
        Name = r.Text("name", true, 500) ?? "",
        Skills = r.Labels("skills"),
        Complexity = r.Int("complexity", true, 1, 5, fallback: 1),
        PhysicalLoad = r.Enum<Load>("physical_load", true),
        HoursPerWeek = r.Number("hours_per_week", true, 0, minExclusive: true),
    };

    private Candidate ReadCandidate(RecordReader r)
    {
        var (lat, lon) = r.Coordinates();
        var c = new Candidate
        {
            Id = r.Id(),
            Region = r.Label("region", true) ?? "",
            Municipality = ReadMunicipality(r),
            Lat = lat,
            Lon = lon,
            BirthYear = r.OptionalInt("birth_year", 1940, context.Today.Year - 15),
            Education = r.Enum<EducationLevel>("education", true),
            Startkwalificatie = r.Bool("startkwalificatie"),
            Dutch = r.Enum<CefrLevel>("dutch", true),
            Experience = r.Objects("experience", e => new Experience(e.Isco("isco", true) ?? "", e.Number("years", true, 0))),
            Skills = r.Labels("skills"),
            Certificates = r.Labels("certificates"),
            DesiredIsco = r.IscoList("desired_isco"),
            DesiredSectors = r.Labels("desired_sectors"),
            HoursMin = r.Number("hours_min", true, 1, 40),
            HoursMax = r.Number("hours_max", true, 1, 40),
            MaxDistanceKm = r.Number("max_distance_km", true, 0, minExclusive: true),
            Transport = r.EnumList<Transport>("transport", atLeastOne: true),
            ShiftsOk = r.EnumList<Shift>("shifts_ok", atLeastOne: true),
            AvailableFrom = r.Date("available_from", true),
            PhysicalCapacity = r.Enum<Load>("physical_capacity", true),
            Doelgroepregister = r.Bool("doelgroepregister"),
            LoonwaardePct = r.OptionalInt("loonwaarde_pct", 0, 100),
            MonthsInBijstand = r.Int("months_in_bijstand", false, 0),
            PriorOutflows = r.Int("prior_outflows", false, 0),
            CareTasks = r.Bool("care_tasks"),
            DebtSupport = r.Bool("debt_support"),
            NeedsJobcoach = r.Bool("needs_jobcoach"),
            ProfileText = r.Text("profile_text", false),
            ConsentMatching = r.Bool("consent_matching", required: true),
            Protected = r.Object("protected", p => new ProtectedAttributes(p.OneOf("gender", Genders), p.OneOf("migration_background", MigrationBackgrounds))),
        };
        r.HoursRange(c.HoursMin, c.HoursMax);
        return c;
    }

    private static string? ReadMunicipality(RecordReader r)
    {
        var code = r.Text("municipality", false, 6);
        if (code is not null && !MunicipalityCode().IsMatch(code)) r.Fail("municipality", $"{ClientValue.Quote(code)} is not a CBS code GMdddd");
        return code;
    }

    private static LeerwerkRoute ReadRoute(RecordReader r)
    {
        var lat = r.OptionalNumber("lat");
        var lon = r.OptionalNumber("lon");
        if (lat.HasValue != lon.HasValue) r.Fail(lat.HasValue ? "lon" : "lat", "lat and lon are both set or both null");
        else if (lat.HasValue && !GeoPoint.InNetherlands(lat.Value, lon!.Value)) r.Fail("lat", "the location lies outside the Netherlands");
        return new LeerwerkRoute
        {
            Id = r.Id(),
            Name = r.Text("name", true, 500) ?? "",
            Provider = r.Text("provider", true, 500) ?? "",
            Kind = r.Enum<RouteKind>("kind", true),
            Sector = r.Label("sector", false),
            TeachesSkills = r.Labels("teaches_skills"),
            Certifies = r.Labels("certifies"),
            RaisesEducationTo = r.OptionalEnum<EducationLevel>("raises_education_to"),
            RaisesDutchTo = r.OptionalEnum<CefrLevel>("raises_dutch_to"),
            Weeks = r.Int("weeks", true, 1),
            CostEur = r.Money("cost_eur", true, 0m),
            RequiresDutchMin = r.Enum<CefrLevel>("requires_dutch_min", false),
            RequiresEducationMin = r.Enum<EducationLevel>("requires_education_min", false),
            WithWorkPlacement = r.Bool("with_work_placement"),
            Lat = lat,
            Lon = lon,
        };
    }

    private static MatchEvent ReadMatchEvent(RecordReader r) => new()
    {
        VacancyId = r.Reference("vacancy_id", true) ?? "",
        CandidateId = r.Reference("candidate_id", true) ?? "",
        At = r.DateTime("at"),
        Stage = r.Enum<MatchStage>("stage", true),
        Position = r.OptionalInt("position", 1, 10_000),
    };

    private static Placement ReadPlacement(RecordReader r)
    {
        var p = new Placement
        {
            Id = r.Id(),
            CandidateId = r.Reference("candidate_id", true) ?? "",
            EmployerId = r.Reference("employer_id", true) ?? "",
            VacancyId = r.Reference("vacancy_id", false),
            Start = r.Date("start", true),
            HoursPerWeek = r.Number("hours_per_week", true, 0, minExclusive: true),
            Contract = r.Enum<ContractKind>("contract", true),
            Instruments = r.EnumList<Instrument>("instruments", atLeastOne: false),
            RouteId = r.Reference("route_id", false),
            RouteCompleted = r.OptionalBool("route_completed"),
            Ended = r.OptionalDate("ended"),
            HerinstroomAt = r.OptionalDate("herinstroom_at"),
            ObservedUntil = r.Date("observed_until", true),
        };
        if (r.Present("start"))
        {
            if (r.Present("observed_until") && p.ObservedUntil < p.Start) r.Fail("observed_until", $"{p.ObservedUntil:yyyy-MM-dd} is before start {p.Start:yyyy-MM-dd}");
            if (p.Ended < p.Start) r.Fail("ended", $"{p.Ended:yyyy-MM-dd} is before start {p.Start:yyyy-MM-dd}");
            if (p.HerinstroomAt < p.Start) r.Fail("herinstroom_at", $"{p.HerinstroomAt:yyyy-MM-dd} is before start {p.Start:yyyy-MM-dd}");
        }
        return p;
    }

    private static string FirstSentence(string message)
    {
        var i = message.IndexOf(". ", StringComparison.Ordinal);
        return i < 0 ? message : message[..(i + 1)];
    }

    [GeneratedRegex("^GM[0-9]{4}$")]
    private static partial Regex MunicipalityCode();
}
