namespace MatchEngine.Engine.Index;

/// <summary>
/// Heads and modifiers of Dutch occupational compounds, for decompounding: "vrachtwagenchauffeur"
/// also yields "vrachtwagen" and "chauffeur", so "chauffeur" finds it. Words are lower case, accent-free.
/// </summary>
internal static class OccupationWords
{
    public static readonly string[] All =
    [
        // heads
        "chauffeur", "medewerker", "monteur", "kundige", "verpleegkundige", "verzorgende", "verzorger", "hulp", "assistent", "leider",
        "leidster", "begeleider", "kok", "koks", "schoonmaker", "reiniger", "timmerman", "metselaar", "stukadoor", "schilder", "tegelzetter",
        "loodgieter", "elektricien", "installateur", "technicus", "operator", "bediende", "verkoper", "verkoopster", "kassiere", "kassier",
        "vakkenvuller", "picker", "orderpicker", "inpakker", "bezorger", "koerier", "hovenier", "tuinman", "hulpkok", "afwasser",
        "planner", "administrateur", "beveiliger", "conciërge", "concierge", "portier", "magazijnier", "lasser", "bankwerker", "machinist",
        "steward", "gastvrouw", "gastheer", "barman", "kapper", "bakker", "slager", "kraanmachinist", "opperman", "stratenmaker",
        "dakdekker", "glazenwasser", "huishoudster", "oppas", "coach", "werker", "arbeider", "kracht", "teamleider", "voorman",
        // modifiers
        "vrachtwagen", "heftruck", "reachtruck", "bestel", "bus", "taxi", "magazijn", "logistiek", "logistieke", "productie", "zorg",
        "thuiszorg", "ouderen", "gehandicapten", "kinder", "kinderopvang", "opvang", "peuter", "speel", "school", "schoonmaak", "keuken",
        "horeca", "bediening", "bar", "restaurant", "hotel", "catering", "afwas", "bouw", "installatie", "elektro", "elektrotechnisch",
        "warmtepomp", "zonnepaneel", "zonnepanelen", "zonne", "panelen", "energie", "laadpaal", "cv", "sanitair", "loodgieters", "dak",
        "groen", "tuin", "groenvoorziening", "park", "straat", "verkoop", "winkel", "kassa", "supermarkt", "vers", "order", "inpak",
        "post", "pakket", "maaltijd", "maaltijden", "bedden", "was", "linnen", "facilitair", "receptie", "klantenservice", "callcenter",
        "onderhoud", "service", "machine", "lijn", "lopende", "band", "kwaliteit", "verpleeg", "verpleeghuis", "woon", "huishoudelijk",
        "huishoudelijke", "pedagogisch", "pedagogische", "activiteiten", "beveiligings", "vuilnis", "afval", "recycling", "metaal", "hout",
        "timmer", "metsel", "tegel", "schilders", "glas", "auto", "fiets", "wagen", "truck", "chauffeurs",
    ];
}
