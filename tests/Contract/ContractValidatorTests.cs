using System.Text.Json.Nodes;
using MatchEngine.Engine.Contract;
using MatchEngine.Tests.Support;

namespace MatchEngine.Tests.Contract;

public class ContractValidatorTests
{
    private readonly ContractValidator _validator = new(new ValidationContext(ContractSamples.Today));

    public static TheoryData<EntityKind> Kinds() => new(EntityKinds.ImportOrder);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Parse_ValidSample_HasNoViolations(EntityKind kind)
    {
        var parsed = _validator.Parse(kind, ContractSamples.For(kind).ToJsonString());
        Assert.Empty(parsed.Violations);
        Assert.True(parsed.IsValid);
    }

    /// <summary>One row per contract rule: the kind, how the valid sample is broken, the field that must be named.</summary>
    public static TheoryData<string, EntityKind, Action<JsonObject>, string> BrokenRules()
    {
        var d = new TheoryData<string, EntityKind, Action<JsonObject>, string>();
        void Add(string rule, EntityKind k, Action<JsonObject> mutate, string field) => d.Add(rule, k, mutate, field);
        JsonObject Task0(JsonObject o) => o["tasks"]![0]!.AsObject();

        // employers
        Add("employer id required", EntityKind.Employer, o => o.Remove("id"), "id");
        Add("employer id charset", EntityKind.Employer, o => o["id"] = "emp 1", "id");
        Add("employer id length", EntityKind.Employer, o => o["id"] = new string('a', 65), "id");
        Add("employer name required", EntityKind.Employer, o => o.Remove("name"), "name");
        Add("employer sector required", EntityKind.Employer, o => o.Remove("sector"), "sector");
        Add("employer lat required", EntityKind.Employer, o => o.Remove("lat"), "lat");
        Add("employer lon required", EntityKind.Employer, o => o.Remove("lon"), "lon");
        Add("employer outside NL", EntityKind.Employer, o => o["lat"] = 48.85, "lat");
        Add("employer lon outside NL", EntityKind.Employer, o => o["lon"] = 8.5, "lon");
        Add("employer size enum", EntityKind.Employer, o => o["size"] = "huge", "size");
        Add("employer size required", EntityKind.Employer, o => o.Remove("size"), "size");
        Add("employer inclusive bool", EntityKind.Employer, o => o["inclusive"] = "yes", "inclusive");
        Add("employer name with BSN", EntityKind.Employer, o => o["name"] = "Bakkerij 111222333", "name");

        // vacancies
        Add("vacancy id required", EntityKind.Vacancy, o => o.Remove("id"), "id");
        Add("vacancy employer required", EntityKind.Vacancy, o => o.Remove("employer_id"), "employer_id");
        Add("vacancy title required", EntityKind.Vacancy, o => o["title"] = "  ", "title");
        Add("vacancy description required", EntityKind.Vacancy, o => o.Remove("description"), "description");
        Add("vacancy description too long", EntityKind.Vacancy, o => o["description"] = new string('x', 20_001), "description");
        Add("vacancy description with BSN", EntityKind.Vacancy, o => o["description"] = "Contact: 1112.22.333", "description");
        Add("vacancy isco format", EntityKind.Vacancy, o => o["isco"] = "834", "isco");
        Add("vacancy isco as number", EntityKind.Vacancy, o => o["isco"] = 8344, "isco");
        Add("vacancy sector required", EntityKind.Vacancy, o => o.Remove("sector"), "sector");
        Add("vacancy location outside NL", EntityKind.Vacancy, o => o["lon"] = 2.0, "lon");
        Add("vacancy hours_min below 1", EntityKind.Vacancy, o => o["hours_min"] = 0.5, "hours_min");
        Add("vacancy hours_max above 40", EntityKind.Vacancy, o => o["hours_max"] = 41, "hours_max");
        Add("vacancy hours min > max", EntityKind.Vacancy, o => { o["hours_min"] = 38; o["hours_max"] = 36; }, "hours_min");
        Add("vacancy education enum", EntityKind.Vacancy, o => o["education_min"] = "mbo5", "education_min");
        Add("vacancy dutch enum", EntityKind.Vacancy, o => o["dutch_min"] = "b1", "dutch_min");
        Add("vacancy skills array", EntityKind.Vacancy, o => o["skills_required"] = "heftruck", "skills_required");
        Add("vacancy skills item", EntityKind.Vacancy, o => o["skills_preferred"] = new JsonArray(3), "skills_preferred[0]");
        Add("vacancy certificates item", EntityKind.Vacancy, o => o["certificates_required"] = new JsonArray(""), "certificates_required[0]");
        Add("vacancy load required", EntityKind.Vacancy, o => o.Remove("physical_load"), "physical_load");
        Add("vacancy load enum", EntityKind.Vacancy, o => o["physical_load"] = "heavy", "physical_load");
        Add("vacancy shifts at least one", EntityKind.Vacancy, o => o["shifts"] = new JsonArray(), "shifts");
        Add("vacancy shifts required", EntityKind.Vacancy, o => o.Remove("shifts"), "shifts");
        Add("vacancy shift enum", EntityKind.Vacancy, o => o["shifts"] = new JsonArray("morning"), "shifts[0]");
        Add("vacancy contract enum", EntityKind.Vacancy, o => o["contract"] = "fixed", "contract");
        Add("vacancy contract required", EntityKind.Vacancy, o => o.Remove("contract"), "contract");
        Add("vacancy positions at least 1", EntityKind.Vacancy, o => o["positions"] = 0, "positions");
        Add("vacancy positions integer", EntityKind.Vacancy, o => o["positions"] = 1.5, "positions");
        Add("vacancy posted_at required", EntityKind.Vacancy, o => o.Remove("posted_at"), "posted_at");
        Add("vacancy posted_at format", EntityKind.Vacancy, o => o["posted_at"] = "01-05-2025", "posted_at");
        Add("vacancy closes before posted", EntityKind.Vacancy, o => o["closes_at"] = "2025-04-30", "closes_at");
        Add("vacancy jobcarving bool", EntityKind.Vacancy, o => o["open_to_jobcarving"] = 1, "open_to_jobcarving");
        Add("vacancy leerwerk bool", EntityKind.Vacancy, o => o["offers_leerwerk"] = "true", "offers_leerwerk");
        Add("vacancy tasks array", EntityKind.Vacancy, o => o["tasks"] = new JsonObject(), "tasks");
        Add("task id required", EntityKind.Vacancy, o => Task0(o).Remove("id"), "tasks[0].id");
        Add("task id unique", EntityKind.Vacancy, o => o["tasks"]![1]!["id"] = "t1", "tasks");
        Add("task name required", EntityKind.Vacancy, o => Task0(o).Remove("name"), "tasks[0].name");
        Add("task complexity range", EntityKind.Vacancy, o => Task0(o)["complexity"] = 6, "tasks[0].complexity");
        Add("task complexity low", EntityKind.Vacancy, o => Task0(o)["complexity"] = 0, "tasks[0].complexity");
        Add("task load enum", EntityKind.Vacancy, o => Task0(o)["physical_load"] = "max", "tasks[0].physical_load");
        Add("task hours positive", EntityKind.Vacancy, o => Task0(o)["hours_per_week"] = 0, "tasks[0].hours_per_week");
        Add("task hours sum", EntityKind.Vacancy, o => Task0(o)["hours_per_week"] = 30, "tasks");
        Add("task skills item", EntityKind.Vacancy, o => Task0(o)["skills"] = new JsonArray(true), "tasks[0].skills[0]");

        // candidates
        Add("candidate id required", EntityKind.Candidate, o => o.Remove("id"), "id");
        Add("candidate id is a BSN", EntityKind.Candidate, o => o["id"] = "123456782", "id");
        Add("candidate region required", EntityKind.Candidate, o => o.Remove("region"), "region");
        Add("candidate municipality code", EntityKind.Candidate, o => o["municipality"] = "0402", "municipality");
        Add("candidate location required", EntityKind.Candidate, o => o.Remove("lat"), "lat");
        Add("candidate location outside NL", EntityKind.Candidate, o => o["lat"] = 54.1, "lat");
        Add("candidate birth year too early", EntityKind.Candidate, o => o["birth_year"] = 1939, "birth_year");
        Add("candidate birth year too late", EntityKind.Candidate, o => o["birth_year"] = ContractSamples.Today.Year - 14, "birth_year");
        Add("candidate education required", EntityKind.Candidate, o => o.Remove("education"), "education");
        Add("candidate startkwalificatie bool", EntityKind.Candidate, o => o["startkwalificatie"] = "ja", "startkwalificatie");
        Add("candidate dutch required", EntityKind.Candidate, o => o.Remove("dutch"), "dutch");
        Add("candidate experience years", EntityKind.Candidate, o => o["experience"]![0]!["years"] = -1, "experience[0].years");
        Add("candidate experience isco", EntityKind.Candidate, o => o["experience"]![0]!["isco"] = "83440", "experience[0].isco");
        Add("candidate desired isco", EntityKind.Candidate, o => o["desired_isco"] = new JsonArray("x"), "desired_isco[0]");
        Add("candidate hours min > max", EntityKind.Candidate, o => { o["hours_min"] = 30; o["hours_max"] = 20; }, "hours_min");
        Add("candidate hours required", EntityKind.Candidate, o => o.Remove("hours_max"), "hours_max");
        Add("candidate max distance positive", EntityKind.Candidate, o => o["max_distance_km"] = 0, "max_distance_km");
        Add("candidate transport at least one", EntityKind.Candidate, o => o["transport"] = new JsonArray(), "transport");
        Add("candidate transport enum", EntityKind.Candidate, o => o["transport"] = new JsonArray("scooter"), "transport[0]");
        Add("candidate shifts_ok required", EntityKind.Candidate, o => o.Remove("shifts_ok"), "shifts_ok");
        Add("candidate available_from required", EntityKind.Candidate, o => o.Remove("available_from"), "available_from");
        Add("candidate capacity enum", EntityKind.Candidate, o => o["physical_capacity"] = "none", "physical_capacity");
        Add("candidate doelgroepregister bool", EntityKind.Candidate, o => o["doelgroepregister"] = 0, "doelgroepregister");
        Add("candidate loonwaarde range", EntityKind.Candidate, o => o["loonwaarde_pct"] = 101, "loonwaarde_pct");
        Add("candidate months non-negative", EntityKind.Candidate, o => o["months_in_bijstand"] = -3, "months_in_bijstand");
        Add("candidate prior outflows non-negative", EntityKind.Candidate, o => o["prior_outflows"] = -1, "prior_outflows");
        Add("candidate care tasks bool", EntityKind.Candidate, o => o["care_tasks"] = "nee", "care_tasks");
        Add("candidate profile too long", EntityKind.Candidate, o => o["profile_text"] = new string('x', 20_001), "profile_text");
        Add("candidate profile with BSN", EntityKind.Candidate, o => o["profile_text"] = "BSN 123 456 782 bekend bij de gemeente", "profile_text");
        Add("candidate consent required", EntityKind.Candidate, o => o.Remove("consent_matching"), "consent_matching");
        Add("candidate gender value", EntityKind.Candidate, o => o["protected"]!["gender"] = "man", "protected.gender");
        Add("candidate migration value", EntityKind.Candidate, o => o["protected"]!["migration_background"] = "anders", "protected.migration_background");

        // routes
        Add("route name required", EntityKind.Route, o => o.Remove("name"), "name");
        Add("route provider required", EntityKind.Route, o => o.Remove("provider"), "provider");
        Add("route kind enum", EntityKind.Route, o => o["kind"] = "cursus", "kind");
        Add("route weeks at least 1", EntityKind.Route, o => o["weeks"] = 0, "weeks");
        Add("route cost non-negative", EntityKind.Route, o => o["cost_eur"] = -1, "cost_eur");
        Add("route raises education enum", EntityKind.Route, o => o["raises_education_to"] = "mbo9", "raises_education_to");
        Add("route raises dutch enum", EntityKind.Route, o => o["raises_dutch_to"] = "D1", "raises_dutch_to");
        Add("route requires dutch enum", EntityKind.Route, o => o["requires_dutch_min"] = "Z", "requires_dutch_min");
        Add("route lat without lon", EntityKind.Route, o => o["lat"] = 52.1, "lon");
        Add("route location outside NL", EntityKind.Route, o => { o["lat"] = 40.0; o["lon"] = 5.0; }, "lat");

        // sroi contracts
        Add("sroi employer required", EntityKind.SroiContract, o => o.Remove("employer_id"), "employer_id");
        Add("sroi value positive", EntityKind.SroiContract, o => o["contract_value_eur"] = 0, "contract_value_eur");
        Add("sroi pct range", EntityKind.SroiContract, o => o["obligation_pct"] = 100.5, "obligation_pct");
        Add("sroi pct non-negative", EntityKind.SroiContract, o => o["obligation_pct"] = -1, "obligation_pct");
        Add("sroi start after end", EntityKind.SroiContract, o => o["end"] = "2024-12-31", "end");

        // match events
        Add("event vacancy required", EntityKind.MatchEvent, o => o.Remove("vacancy_id"), "vacancy_id");
        Add("event at with offset", EntityKind.MatchEvent, o => o["at"] = "2025-05-10T09:30:00", "at");
        Add("event at is a date-time", EntityKind.MatchEvent, o => o["at"] = "2025-05-10", "at");
        Add("event stage enum", EntityKind.MatchEvent, o => o["stage"] = "interviewed", "stage");

        // placements
        Add("placement candidate required", EntityKind.Placement, o => o.Remove("candidate_id"), "candidate_id");
        Add("placement start required", EntityKind.Placement, o => o.Remove("start"), "start");
        Add("placement hours positive", EntityKind.Placement, o => o["hours_per_week"] = 0, "hours_per_week");
        Add("placement contract enum", EntityKind.Placement, o => o["contract"] = "zzp", "contract");
        Add("placement instrument enum", EntityKind.Placement, o => o["instruments"] = new JsonArray("bonus"), "instruments[0]");
        Add("placement route_completed bool", EntityKind.Placement, o => o["route_completed"] = "no", "route_completed");
        Add("placement observed before start", EntityKind.Placement, o => o["observed_until"] = "2025-05-01", "observed_until");
        Add("placement observed required", EntityKind.Placement, o => o.Remove("observed_until"), "observed_until");
        Add("placement herinstroom before start", EntityKind.Placement, o => o["herinstroom_at"] = "2025-01-01", "herinstroom_at");
        Add("placement observed after today", EntityKind.Placement, o => o["observed_until"] = "9999-12-31", "observed_until");
        Add("placement herinstroom after today", EntityKind.Placement, o => o["herinstroom_at"] = "2025-07-01", "herinstroom_at");
        return d;
    }

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public void Parse_BrokenRule_NamesTheField(string rule, EntityKind kind, Action<JsonObject> mutate, string field)
    {
        var json = ContractSamples.For(kind);
        mutate(json);
        var parsed = _validator.Parse(kind, json.ToJsonString());
        Assert.False(parsed.IsValid, rule);
        Assert.Contains(parsed.Violations, v => v.Field == field);
    }

    /// <summary>One row per kind of reason: how the valid sample is broken, the field, and the Dutch reason a person reads.</summary>
    public static TheoryData<EntityKind, Action<JsonObject>, string, string> Reasons()
    {
        var d = new TheoryData<EntityKind, Action<JsonObject>, string, string>();
        void Add(EntityKind k, Action<JsonObject> mutate, string field, string reason) => d.Add(k, mutate, field, reason);
        const string bsn = "(9 cijfers die de elfproef doorstaan)";

        Add(EntityKind.Employer, o => o.Remove("id"), "id", "ontbreekt");
        Add(EntityKind.Employer, o => o["id"] = "emp 1", "id", "moet 1–64 tekens uit A-Z a-z 0-9 _ . - zijn");
        Add(EntityKind.Candidate, o => o["id"] = "111222333", "id", $"lijkt op een BSN {bsn}; gebruik een pseudoniem");
        Add(EntityKind.Employer, o => o["name"] = " ", "name", "mag niet leeg zijn");
        Add(EntityKind.Employer, o => o["name"] = 5, "name", "moet een tekst zijn, niet 5");
        Add(EntityKind.Employer, o => o["lat"] = 48.85, "lat", "(48,85; 5,17) ligt buiten Nederland (lat 50,7–53,7, lon 3,3–7,3)");
        Add(EntityKind.Employer, o => o["size"] = "huge", "size", "moet small, medium of large zijn, niet 'huge'");
        Add(EntityKind.Employer, o => o["inclusive"] = "ja", "inclusive", "moet true of false zijn, niet 'ja'");
        Add(EntityKind.SroiContract, o => o["contract_value_eur"] = 0, "contract_value_eur", "moet > 0 zijn, niet 0");
        Add(EntityKind.SroiContract, o => o["end"] = "2024-12-31", "end", "2024-12-31 ligt vóór start 2025-01-01");
        Add(EntityKind.Vacancy, o => o["description"] = new string('a', 20_001), "description", "mag hoogstens 20.000 tekens lang zijn, niet 20.001");
        Add(EntityKind.Vacancy, o => o["hours_min"] = "veel", "hours_min", "moet een getal zijn, niet 'veel'");
        Add(EntityKind.Vacancy, o => o["hours_max"] = 50.5, "hours_max", "moet 1–40 zijn, niet 50,5");
        Add(EntityKind.Vacancy, o => o["hours_min"] = 37.5, "hours_min", "37,5 ligt boven hours_max 36");
        Add(EntityKind.Vacancy, o => o["positions"] = 1.5, "positions", "moet een geheel getal zijn, niet 1,5");
        Add(EntityKind.Vacancy, o => o["positions"] = 0, "positions", "moet ≥ 1 zijn, niet 0");
        Add(EntityKind.Vacancy, o => o["posted_at"] = "1-3-2025", "posted_at", "moet een datum (JJJJ-MM-DD) zijn, niet '1-3-2025'");
        Add(EntityKind.Vacancy, o => o["isco"] = "53", "isco", "'53' is geen ISCO-08-code van 4 cijfers");
        Add(EntityKind.Vacancy, o => o["shifts"] = new JsonArray(), "shifts", "moet minstens één waarde bevatten");
        Add(EntityKind.Vacancy, o => o["skills_required"] = new JsonArray(""), "skills_required[0]", "moet een niet-lege tekst zijn");
        Add(EntityKind.Vacancy, o => o["skills_required"] = "heftruck", "skills_required", "moet een lijst zijn, niet 'heftruck'");
        Add(EntityKind.Vacancy, o => o["tasks"]![1]!["id"] = "t1", "tasks", "taak-id 't1' komt meer dan eens voor");
        Add(EntityKind.Vacancy, o => o["tasks"]![1]!["hours_per_week"] = 16.5, "tasks", "de uren van de taken tellen op tot 36,5, meer dan hours_max 36");
        Add(EntityKind.Vacancy, o => o["tasks"]![0] = 5, "tasks[0]", "moet een object zijn, niet 5");
        Add(EntityKind.Candidate, o => o["desired_isco"] = new JsonArray(8344), "desired_isco[0]", "moet een ISCO-08-code van 4 cijfers zijn (als tekst), niet 8344");
        Add(EntityKind.Candidate, o => o["municipality"] = "0402", "municipality", "'0402' is geen CBS-gemeentecode (GM en 4 cijfers)");
        Add(EntityKind.Candidate, o => o["profile_text"] = "bsn 111222333", "profile_text", $"bevat een BSN {bsn}");
        Add(EntityKind.Candidate, o => o["skills"] = new JsonArray("bsn 111 222 333"), "skills[0]", $"bevat een BSN {bsn}");
        Add(EntityKind.Candidate, o => o["protected"]!["gender"] = "f", "protected.gender", "moet m, v, x of null zijn, niet 'f'");
        Add(EntityKind.Candidate, o => o["birth_year"] = 1939, "birth_year", "moet 1940–2010 zijn, niet 1939");
        Add(EntityKind.Route, o => o["lat"] = 52.1, "lon", "lat en lon staan er allebei of ontbreken allebei");
        Add(EntityKind.MatchEvent, o => o["at"] = "2025-05-10", "at",
            "moet een ISO 8601-tijdstip met tijdzone zijn, zoals 2025-05-10T09:30+02:00, niet '2025-05-10'");
        Add(EntityKind.MatchEvent, o => o["position"] = 20_000, "position", "moet 1–10.000 zijn, niet 20.000");
        return d;
    }

    [Theory]
    [MemberData(nameof(Reasons))]
    public void Parse_BrokenRule_GivesTheReasonInDutch(EntityKind kind, Action<JsonObject> mutate, string field, string reason)
    {
        var json = ContractSamples.For(kind);
        mutate(json);
        var violations = _validator.Parse(kind, json.ToJsonString()).Violations;
        Assert.Contains(new FieldViolation(field, reason), violations);
    }

    /// <summary>A field that breaks a rule is reported once, by itself, and under its own name: no rule between fields reads its default.</summary>
    public static TheoryData<EntityKind, Action<JsonObject>, string, string> OnlyViolations()
    {
        var d = new TheoryData<EntityKind, Action<JsonObject>, string, string>();
        void Add(EntityKind k, Action<JsonObject> mutate, string field, string reason) => d.Add(k, mutate, field, reason);
        const string box = "ligt buiten Nederland (lat 50,7–53,7, lon 3,3–7,3)";
        Add(EntityKind.Employer, o => o["lon"] = 200, "lon", $"(52,22; 200) {box}");
        Add(EntityKind.Employer, o => o["lat"] = "52.1", "lat", "moet een getal zijn, niet '52.1'");
        Add(EntityKind.Vacancy, o => o["lon"] = "5", "lon", "moet een getal zijn, niet '5'");
        Add(EntityKind.Route, o => { o["lat"] = 52.1; o["lon"] = 9.5; }, "lon", $"(52,1; 9,5) {box}");
        Add(EntityKind.Route, o => { o["lat"] = 40; o["lon"] = 5; }, "lat", $"(40; 5) {box}");
        Add(EntityKind.Candidate, o => o["municipality"] = "Utrecht", "municipality", "'Utrecht' is geen CBS-gemeentecode (GM en 4 cijfers)");
        Add(EntityKind.Candidate, o => o["hours_max"] = "veel", "hours_max", "moet een getal zijn, niet 'veel'");
        Add(EntityKind.Vacancy, o => o["hours_max"] = "veel", "hours_max", "moet een getal zijn, niet 'veel'");
        Add(EntityKind.Vacancy, o => o["closes_at"] = "morgen", "closes_at", "moet een datum (JJJJ-MM-DD) zijn, niet 'morgen'");
        Add(EntityKind.SroiContract, o => o["end"] = 2027, "end", "moet een datum (JJJJ-MM-DD) zijn, niet 2027");
        Add(EntityKind.Placement, o => o["ended"] = "nooit", "ended", "moet een datum (JJJJ-MM-DD) zijn, niet 'nooit'");
        Add(EntityKind.Vacancy, o => o["positions"] = 1_000_000_000_000, "positions", "moet hoogstens 2.147.483.647 zijn, niet 1.000.000.000.000");
        Add(EntityKind.Candidate, o => o["months_in_bijstand"] = -5_000_000_000, "months_in_bijstand", "moet ≥ 0 zijn, niet -5.000.000.000");
        Add(EntityKind.Candidate, o => o["loonwaarde_pct"] = 1e12, "loonwaarde_pct", "moet 0–100 zijn, niet 1.000.000.000.000");
        return d;
    }

    /// <summary>
    /// One row per whole-number field, written as a tool that knows only floats writes it: the field, the JSON number as sent and the
    /// whole number the record holds.
    /// </summary>
    public static TheoryData<EntityKind, string, string, int> WholeNumbersWithAFraction()
    {
        var d = new TheoryData<EntityKind, string, string, int>();
        d.Add(EntityKind.Vacancy, "positions", "2.0", 2);
        d.Add(EntityKind.Vacancy, "positions", "2e0", 2);
        d.Add(EntityKind.Vacancy, "positions", "20E-1", 2);
        d.Add(EntityKind.Vacancy, "positions", "0.0002e4", 2);
        d.Add(EntityKind.Vacancy, "positions", "2147483647.000", int.MaxValue);
        d.Add(EntityKind.Vacancy, "tasks[0].complexity", "3.0", 3);
        d.Add(EntityKind.Candidate, "birth_year", "1980.0", 1980);
        d.Add(EntityKind.Candidate, "birth_year", "1.98e+3", 1980);
        d.Add(EntityKind.Candidate, "months_in_bijstand", "0.0", 0);
        d.Add(EntityKind.Candidate, "months_in_bijstand", "-0.0e5", 0);
        d.Add(EntityKind.Candidate, "loonwaarde_pct", "50.00", 50);
        d.Add(EntityKind.Route, "weeks", "12.0", 12);
        d.Add(EntityKind.MatchEvent, "position", "3.0", 3);
        return d;
    }

    [Theory]
    [MemberData(nameof(WholeNumbersWithAFraction))]
    public void Parse_WholeNumberWrittenWithAFractionOrExponent_IsThatWholeNumber(EntityKind kind, string field, string number, int whole)
    {
        var parsed = _validator.Parse(kind, WithNumber(kind, field, number));
        Assert.Empty(parsed.Violations);
        Assert.Equal(whole, parsed.Record switch
        {
            Engine.Domain.Vacancy v => field == "positions" ? v.Positions : v.Tasks[0].Complexity,
            Engine.Domain.Candidate c => field switch { "birth_year" => c.BirthYear, "months_in_bijstand" => c.MonthsInBijstand, _ => c.LoonwaardePct },
            Engine.Domain.LeerwerkRoute r => r.Weeks,
            Engine.Domain.MatchEvent e => e.Position,
            _ => null,
        });
    }

    [Theory]
    [InlineData(EntityKind.Vacancy, "positions", "2.5", "moet een geheel getal zijn, niet 2,5")]
    [InlineData(EntityKind.Vacancy, "positions", "2.0000000000000000000000001", "moet een geheel getal zijn, niet 2,0000000000000000000000001")]
    [InlineData(EntityKind.Vacancy, "positions", "25e-1", "moet een geheel getal zijn, niet 25e-1")]
    [InlineData(EntityKind.Vacancy, "tasks[0].complexity", "1e-30", "moet een geheel getal zijn, niet 1e-30")]
    [InlineData(EntityKind.Candidate, "birth_year", "1980.5", "moet een geheel getal zijn, niet 1980,5")]
    [InlineData(EntityKind.Vacancy, "positions", "2147483648.0", "moet hoogstens 2.147.483.647 zijn, niet 2.147.483.648")]
    [InlineData(EntityKind.Vacancy, "positions", "1e400", "moet hoogstens 2.147.483.647 zijn, niet 1e400")]
    [InlineData(EntityKind.Candidate, "months_in_bijstand", "-5e9", "moet ≥ 0 zijn, niet -5.000.000.000")]
    [InlineData(EntityKind.Candidate, "birth_year", "1.98e7", "moet 1940–2010 zijn, niet 19.800.000")]
    [InlineData(EntityKind.Candidate, "birth_year", "1e4", "moet 1940–2010 zijn, niet 10.000")]
    public void Parse_NotAWholeNumberAnIntHolds_SaysWhichInDutch(EntityKind kind, string field, string number, string reason) =>
        Assert.Equal(new FieldViolation(field, reason), _validator.Parse(kind, WithNumber(kind, field, number)).Violations.Single());

    /// <summary>The valid sample of <paramref name="kind"/> as a JSON line with <paramref name="field"/> set to <paramref name="number"/> exactly as written.</summary>
    private static string WithNumber(EntityKind kind, string field, string number)
    {
        var json = ContractSamples.For(kind);
        if (field.StartsWith("tasks[0].", StringComparison.Ordinal)) json["tasks"]![0]![field["tasks[0].".Length..]] = "NUMBER";
        else json[field] = "NUMBER";
        return json.ToJsonString().Replace("\"NUMBER\"", number, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(OnlyViolations))]
    public void Parse_OneFieldBroken_IsTheOnlyViolationUnderItsOwnName(EntityKind kind, Action<JsonObject> mutate, string field, string reason)
    {
        var json = ContractSamples.For(kind);
        mutate(json);
        Assert.Equal(new FieldViolation(field, reason), _validator.Parse(kind, json.ToJsonString()).Violations.Single());
    }

    [Theory]
    [InlineData("{\"id\": ", "geen geldige JSON (fout bij teken 8)")]
    [InlineData("[1, 2]", "moet één JSON-object zijn")]
    public void Parse_NotAnObject_SaysWhyInDutch(string line, string reason) =>
        Assert.Equal(new FieldViolation("(line)", reason), _validator.Parse(EntityKind.Candidate, line).Violations.Single());

    [Fact]
    public void ContractViolation_Message_NamesTheRecordAndEveryReasonInDutch()
    {
        var e = new ContractViolationException(EntityKind.Candidate.DutchName(), "cand-1", [new("hours_min", "ontbreekt"), new("dutch", "moet A1 of A2 zijn, niet 'Z9'")]);
        Assert.Equal("kandidaat 'cand-1' voldoet niet aan het contract: hours_min: ontbreekt; dutch: moet A1 of A2 zijn, niet 'Z9'", e.Message);
        Assert.StartsWith("matchgebeurtenis (zonder id) voldoet niet aan het contract: ", new ContractViolationException("matchgebeurtenis", null, []).Message,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "(geen)")]
    [InlineData("emp-1", "'emp-1'")]
    public void ClientValue_Quote_ShowsTheValueOrSaysThereIsNone(string? value, string shown) => Assert.Equal(shown, ClientValue.Quote(value));

    [Fact]
    public void ClientValue_Quote_CutsALongValueAndCountsItsCharactersInDutch() =>
        Assert.Equal($"'{new string('a', 40)}…' (100 tekens)", ClientValue.Quote(new string('a', 100)));

    /// <summary>
    /// One row per text the contract does not bound (it bounds only a description and a profile text): how a line sets it and how
    /// the record gives it back.
    /// </summary>
    public static TheoryData<string, EntityKind, Action<JsonObject, string>, Func<object, string>> UnboundedTexts()
    {
        var d = new TheoryData<string, EntityKind, Action<JsonObject, string>, Func<object, string>>();
        void Add(string text, EntityKind k, Action<JsonObject, string> set, Func<object, string> read) => d.Add(text, k, set, read);
        JsonObject Task0(JsonObject o) => o["tasks"]![0]!.AsObject();

        Add("employer name", EntityKind.Employer, (o, s) => o["name"] = s, r => ((Engine.Domain.Employer)r).Name);
        Add("employer sector", EntityKind.Employer, (o, s) => o["sector"] = s, r => ((Engine.Domain.Employer)r).Sector);
        Add("vacancy title", EntityKind.Vacancy, (o, s) => o["title"] = s, r => ((Engine.Domain.Vacancy)r).Title);
        Add("vacancy sector", EntityKind.Vacancy, (o, s) => o["sector"] = s, r => ((Engine.Domain.Vacancy)r).Sector);
        Add("vacancy skill", EntityKind.Vacancy, (o, s) => o["skills_required"]!.AsArray().Add(s), r => ((Engine.Domain.Vacancy)r).SkillsRequired[^1]);
        Add("vacancy certificate", EntityKind.Vacancy, (o, s) => o["certificates_required"] = new JsonArray(s),
            r => ((Engine.Domain.Vacancy)r).CertificatesRequired[0]);
        Add("task id", EntityKind.Vacancy, (o, s) => Task0(o)["id"] = s, r => ((Engine.Domain.Vacancy)r).Tasks[0].Id);
        Add("task name", EntityKind.Vacancy, (o, s) => Task0(o)["name"] = s, r => ((Engine.Domain.Vacancy)r).Tasks[0].Name);
        Add("task skill", EntityKind.Vacancy, (o, s) => Task0(o)["skills"] = new JsonArray(s), r => ((Engine.Domain.Vacancy)r).Tasks[0].Skills[0]);
        Add("candidate region", EntityKind.Candidate, (o, s) => o["region"] = s, r => ((Engine.Domain.Candidate)r).Region);
        Add("candidate skill", EntityKind.Candidate, (o, s) => o["skills"] = new JsonArray(s), r => ((Engine.Domain.Candidate)r).Skills[0]);
        Add("candidate certificate", EntityKind.Candidate, (o, s) => o["certificates"] = new JsonArray(s), r => ((Engine.Domain.Candidate)r).Certificates[0]);
        Add("candidate desired sector", EntityKind.Candidate, (o, s) => o["desired_sectors"] = new JsonArray(s),
            r => ((Engine.Domain.Candidate)r).DesiredSectors[0]);
        Add("route name", EntityKind.Route, (o, s) => o["name"] = s, r => ((Engine.Domain.LeerwerkRoute)r).Name);
        Add("route provider", EntityKind.Route, (o, s) => o["provider"] = s, r => ((Engine.Domain.LeerwerkRoute)r).Provider);
        Add("route sector", EntityKind.Route, (o, s) => o["sector"] = s, r => ((Engine.Domain.LeerwerkRoute)r).Sector!);
        Add("route skill", EntityKind.Route, (o, s) => o["teaches_skills"] = new JsonArray(s), r => ((Engine.Domain.LeerwerkRoute)r).TeachesSkills[0]);
        Add("route certificate", EntityKind.Route, (o, s) => o["certifies"] = new JsonArray(s), r => ((Engine.Domain.LeerwerkRoute)r).Certifies[0]);
        Add("sroi description", EntityKind.SroiContract, (o, s) => o["description"] = s, r => ((Engine.Domain.SroiContract)r).Description!);
        return d;
    }

    [Theory]
    [InlineData(EntityKind.Employer)]
    [InlineData(EntityKind.Vacancy)]
    [InlineData(EntityKind.Route)]
    [InlineData(EntityKind.SroiContract)]
    [InlineData(EntityKind.Placement)]
    public void Parse_NineDigitIdPassingTheElfproefOfARecordNotAPerson_IsAnIdLikeAnyOther(EntityKind kind)
    {
        // An RSIN (an organisation's number) or a vacancy number: only a candidate's id must not be a BSN.
        var json = ContractSamples.For(kind);
        json["id"] = "111222333";
        var parsed = _validator.Parse(kind, json.ToJsonString());
        Assert.True(parsed.Violations.Count == 0, string.Join("; ", parsed.Violations));
        Assert.Equal("111222333", parsed.Id);
    }

    [Theory]
    [MemberData(nameof(UnboundedTexts))]
    public void Parse_TextTheContractDoesNotBound_IsKeptWhateverItsLength(string text, EntityKind kind, Action<JsonObject, string> set, Func<object, string> read)
    {
        // Longer than the 20,000 characters a description may have, and as UTF-8 beyond the 32,766 bytes of one Lucene term.
        var value = "Zorg en welzijn, " + string.Concat(Enumerable.Repeat("één ", 10_000));
        var json = ContractSamples.For(kind);
        set(json, value);
        var parsed = _validator.Parse(kind, json.ToJsonString());
        Assert.True(parsed.Violations.Count == 0, $"{text}: {string.Join("; ", parsed.Violations)}");
        Assert.Equal(value, read(parsed.Record!));
    }

    [Theory]
    [InlineData("""{"id":"cand-1","id":"cand-9"}""", "id", "staat 2 keer in de regel ('cand-1' en 'cand-9'); een veld mag er één keer in staan")]
    [InlineData("""{"hours_max":36,"hours_max":36.0,"hours_max":null,"hours_max":[]}""", "hours_max",
        "staat 4 keer in de regel (36, 36,0, null, …); een veld mag er één keer in staan")]
    [InlineData("""{"tasks":[{"id":"t1"},{"id":"t2","name":"a","name":{}}]}""", "tasks[1].name",
        "staat 2 keer in de regel ('a' en een object); een veld mag er één keer in staan")]
    [InlineData("""{"protected":{"gender":"m","gender":"v"}}""", "protected.gender", "staat 2 keer in de regel ('m' en 'v'); een veld mag er één keer in staan")]
    public void Parse_FieldGivenTwice_IsRefusedNamingTheFieldAndItsValues(string line, string field, string reason)
    {
        var parsed = _validator.Parse(EntityKind.Candidate, line);
        Assert.Null(parsed.Record);
        Assert.Equal(new FieldViolation(field, reason), parsed.Violations.Single());
    }

    [Fact]
    public void Parse_ValidLineWithAFieldGivenTwice_IsRefused()
    {
        var line = ContractSamples.Candidate("c000012").ToJsonString()[..^1] + ",\"id\":\"c999999\"}";
        Assert.Equal([new FieldViolation("id", "staat 2 keer in de regel ('c000012' en 'c999999'); een veld mag er één keer in staan")],
            _validator.Parse(EntityKind.Candidate, line).Violations);
    }

    [Fact]
    public void Parse_MalformedJson_IsRejectedNotThrown()
    {
        var parsed = _validator.Parse(EntityKind.Candidate, "{\"id\": ");
        Assert.False(parsed.IsValid);
        Assert.Equal("(line)", parsed.Violations.Single().Field);
    }

    [Fact]
    public void Parse_SeveralBrokenRules_ReportsEachOfThem()
    {
        var json = ContractSamples.Candidate();
        json["dutch"] = "Q9";
        json["hours_min"] = 0;
        json.Remove("consent_matching");
        var fields = _validator.Parse(EntityKind.Candidate, json.ToJsonString()).Violations.Select(v => v.Field).ToHashSet();
        Assert.Superset(new HashSet<string> { "dutch", "hours_min", "consent_matching" }, fields);
    }

    [Fact]
    public void Parse_UnknownField_IsIgnoredAsAFutureExtension()
    {
        var json = ContractSamples.Vacancy();
        json["salary_scale"] = "CAO 4";
        Assert.True(_validator.Parse(EntityKind.Vacancy, json.ToJsonString()).IsValid);
    }

    [Fact]
    public void Parse_OptionalFieldsAbsent_TakeTheContractDefaults()
    {
        var json = ContractSamples.Vacancy();
        foreach (var f in new[] { "education_min", "dutch_min", "skills_required", "positions", "closes_at", "open_to_jobcarving", "tasks" }) json.Remove(f);
        var v = Assert.IsType<Engine.Domain.Vacancy>(_validator.Parse(EntityKind.Vacancy, json.ToJsonString()).Record);
        Assert.Equal(Engine.Domain.EducationLevel.None, v.EducationMin);
        Assert.Equal(1, v.Positions);
        Assert.Empty(v.Tasks);
        Assert.False(v.OpenToJobcarving);
    }

    [Theory]
    [InlineData("123456782", true)]
    [InlineData("111222333", true)]
    [InlineData("123456789", false)]
    [InlineData("000000000", false)]
    [InlineData("12345678", false)]
    public void IsBsn_Elfproef_Decides(string digits, bool expected) => Assert.Equal(expected, Bsn.IsBsn(digits));

    [Theory]
    [InlineData("bel 0612345678 voor info", false)]
    [InlineData("dossier 1234567820 (10 cijfers)", false)]
    [InlineData("bsn: 123456782.", true)]
    [InlineData("bsn 1234.56.782", true)]
    public void OccursIn_FreeText_FindsOnlyRealBsns(string text, bool expected) => Assert.Equal(expected, Bsn.OccursIn(text));

    [Fact]
    public void Serialize_ParsedRecord_RoundTripsToTheSameRecord()
    {
        foreach (var kind in EntityKinds.ImportOrder)
        {
            var record = _validator.Parse(kind, ContractSamples.For(kind).ToJsonString()).Record!;
            var again = _validator.Parse(kind, ContractJson.Serialize(record)).Record!;
            Assert.Equal(ContractJson.Serialize(record), ContractJson.Serialize(again));
        }
    }
}
