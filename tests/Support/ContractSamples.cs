using System.Text.Json.Nodes;
using MatchEngine.Engine.Contract;

namespace MatchEngine.Tests.Support;

/// <summary>Valid contract lines of every kind, as mutable JSON, for tests to break one rule at a time.</summary>
public static class ContractSamples
{
    public static readonly DateOnly Today = new(2025, 6, 30);

    public static JsonObject Employer(string id = "emp-1") => Parse($$"""
        {"id":"{{id}}","name":"Zorggroep De Linde","sector":"zorg","lat":52.22,"lon":5.17,"size":"large","inclusive":true}
        """);

    public static JsonObject SroiContract(string id = "sroi-1", string employerId = "emp-1") => Parse($$"""
        {"id":"{{id}}","employer_id":"{{employerId}}","description":"Onderhoud groen","contract_value_eur":1000000,"obligation_pct":5,"start":"2025-01-01","end":"2027-12-31"}
        """);

    public static JsonObject Vacancy(string id = "vac-1", string employerId = "emp-1") => Parse($$"""
        {"id":"{{id}}","employer_id":"{{employerId}}","title":"Heftruckchauffeur","description":"Je rijdt met de heftruck in ons magazijn.",
         "isco":"8344","sector":"logistiek","lat":52.23,"lon":5.18,"hours_min":24,"hours_max":36,"education_min":"mbo1","dutch_min":"A2",
         "skills_required":["heftruck rijden"],"skills_preferred":["orderpicken"],"certificates_required":["heftruckcertificaat"],
         "physical_load":"medium","shifts":["day","evening"],"contract":"temporary","positions":2,"posted_at":"2025-05-01","closes_at":"2025-07-31",
         "open_to_jobcarving":true,"offers_leerwerk":false,"sroi_contract_id":null,
         "tasks":[{"id":"t1","name":"pallets verplaatsen","skills":["heftruck rijden"],"complexity":2,"physical_load":"medium","hours_per_week":20},
                  {"id":"t2","name":"orders klaarzetten","skills":["orderpicken"],"complexity":1,"physical_load":"medium","hours_per_week":12}]
        }
        """);

    public static JsonObject Candidate(string id = "cand-1") => Parse($$"""
        {"id":"{{id}}","region":"GV","municipality":"GM0402","lat":52.22,"lon":5.17,"birth_year":1980,"education":"mbo2","startkwalificatie":true,
         "dutch":"B1","experience":[{"isco":"8344","years":3}],"skills":["heftruck rijden"],"certificates":["heftruckcertificaat"],
         "desired_isco":["8344"],"desired_sectors":["logistiek"],"hours_min":20,"hours_max":36,"max_distance_km":15,"transport":["bike","car"],
         "shifts_ok":["day"],"available_from":"2025-06-01","physical_capacity":"medium","doelgroepregister":false,"loonwaarde_pct":null,
         "months_in_bijstand":40,"prior_outflows":1,"care_tasks":false,"debt_support":true,"needs_jobcoach":false,
         "profile_text":"Ervaren heftruckchauffeur, zoekt werk in de logistiek.","consent_matching":true,
         "protected":{"gender":"m","migration_background":"nederlands"}
        }
        """);

    public static JsonObject Route(string id = "route-1") => Parse($$"""
        {"id":"{{id}}","name":"Heftruckcertificaat","provider":"ROC Midden","kind":"certificate","sector":"logistiek","teaches_skills":["heftruck rijden"],
         "certifies":["heftruckcertificaat"],"raises_education_to":null,"raises_dutch_to":null,"weeks":2,"cost_eur":650,
         "requires_dutch_min":"A2","requires_education_min":"none","with_work_placement":false,"lat":null,"lon":null}
        """);

    public static JsonObject MatchEvent(string vacancyId = "vac-1", string candidateId = "cand-1", string stage = "proposed") => Parse($$"""
        {"vacancy_id":"{{vacancyId}}","candidate_id":"{{candidateId}}","at":"2025-05-10T09:30:00+02:00","stage":"{{stage}}"}
        """);

    public static JsonObject Placement(string id = "pl-1") => Parse($$"""
        {"id":"{{id}}","candidate_id":"cand-1","employer_id":"emp-1","vacancy_id":"vac-1","start":"2025-06-01","hours_per_week":32,"contract":"temporary",
         "instruments":["jobcoach","lks"],"route_id":"route-1","route_completed":null,"ended":null,"herinstroom_at":null,"observed_until":"2025-06-30"}
        """);

    public static JsonObject For(EntityKind kind) => kind switch
    {
        EntityKind.Employer => Employer(),
        EntityKind.SroiContract => SroiContract(),
        EntityKind.Vacancy => Vacancy(),
        EntityKind.Candidate => Candidate(),
        EntityKind.Route => Route(),
        EntityKind.MatchEvent => MatchEvent(),
        EntityKind.Placement => Placement(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Writes a consistent folder holding one valid line of every kind.</summary>
    public static string WriteFolder(string folder, Action<Dictionary<EntityKind, List<JsonObject>>>? change = null)
    {
        Directory.CreateDirectory(folder);
        var lines = EntityKinds.ImportOrder.ToDictionary(k => k, k => new List<JsonObject> { For(k) });
        change?.Invoke(lines);
        foreach (var (kind, objects) in lines)
            File.WriteAllLines(Path.Combine(folder, kind.FileName()), objects.Select(o => o.ToJsonString()));
        return folder;
    }

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
