namespace MatchEngine.Training.Synth;

/// <summary>
/// How consulenten type the synthetic vocabulary's labels in a case system: other names, compounds split or joined.
/// Written for the generator from what case records say, independently of the engine's synonym file
/// (<c>engine/LabelResolution/Data/synonyms.txt</c>), so a test of the resolver on a messy region measures the resolver
/// and not a copy of its own list.
/// </summary>
internal static class TypedLabelVariants
{
    /// <summary>Other ways people write a label, by the label as the vocabulary spells it.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Names = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["VCA"] = ["B-VCA", "VCA basis", "VCA-basis", "vca B", "Basisveiligheid VCA", "VCA (basis)", "VCA certificaat"],
        ["BHV"] = ["bedrijfshulpverlening", "BHV diploma", "bhv'er", "Bedrijfshulpverlener", "BHV-certificaat"],
        ["rijbewijs B"] = ["autorijbewijs", "rijbewijs auto", "B-rijbewijs", "Rijbewijs: B", "auto rijbewijs"],
        ["rijbewijs C"] = ["C-rijbewijs", "rijbewijs vrachtauto", "vrachtwagenrijbewijs"],
        ["code 95"] = ["code95", "Code-95"],
        ["heftruckcertificaat"] = ["heftruck certificaat", "certificaat heftruck", "heftruckdiploma", "Heftruck-certificaat"],
        ["diploma PM"] = ["PM-diploma", "diploma pedagogisch medewerker"],
        ["BIG-registratie"] = ["BIG registratie", "BIG-geregistreerd"],
        ["EHBO kinderen"] = ["kinder EHBO", "EHBO bij kinderen"],
        ["heftruck rijden"] = ["heftruckrijden", "rijden op de heftruck", "heftruck chauffeur"],
        ["orderpicken"] = ["orderpicking", "orders picken", "order-picken"],
        ["vakkenvullen"] = ["vakkenvuller", "schappen vullen"],
        ["schoonmaken"] = ["schoonmaak", "schoonmaakwerk", "schoonmaakwerkzaamheden"],
        ["klantvriendelijkheid"] = ["klantvriendelijk", "klantgericht"],
        ["computervaardig"] = ["computervaardigheden", "kan met computer werken", "pc vaardig"],
        ["nauwkeurigheid"] = ["nauwkeurig werken", "nauwkeurig"],
        ["hygiëne (HACCP)"] = ["HACCP", "hygiene haccp", "hygiënecode HACCP"],
        ["tekeninglezen"] = ["tekeningen lezen", "technisch tekening lezen"],
        ["elektrotechniek"] = ["elektro", "elektrotechnisch", "elektra"],
        ["cv-installaties"] = ["cv installaties", "cv-installatie", "cv ketels"],
        ["persoonlijke verzorging"] = ["persoonlijke zorg", "ADL"],
        ["voorraadbeheer"] = ["voorraad bijhouden", "voorraadbeheer magazijn"],
        ["zonnepanelen monteren"] = ["zonnepanelen montage", "monteren van zonnepanelen", "zonnepanelen plaatsen"],
        ["kinderen begeleiden"] = ["begeleiden van kinderen", "kinderbegeleiding"],
        ["onkruid wieden"] = ["onkruidwieden", "wieden"],
        ["storingen zoeken"] = ["storingzoeken", "storingen opsporen"],
        ["werken op hoogte"] = ["werken op hoogtes", "hoogtewerk"],
        ["vrachtwagen rijden"] = ["vrachtwagenrijden", "vrachtwagen chauffeur"],
        ["kassa"] = ["kassawerk", "kassa draaien", "achter de kassa"],
        ["Engels"] = ["engelse taal", "spreekt Engels", "Engels (goed)"],
        ["gastvrijheid"] = ["gastvrij", "gastvrijheid tonen"],
        ["afwassen"] = ["afwas", "vaatwassen"],
        ["tillen"] = ["zwaar tillen", "sjouwen"],
        ["huishouden"] = ["huishoudelijk werk", "huishoudelijke taken"],
        ["inpakken"] = ["inpakwerk", "verpakken"],
        ["rapporteren"] = ["rapportage", "rapportages schrijven"],
        ["medicatie"] = ["medicijnen", "medicatie toedienen"],
        ["timmeren"] = ["timmerwerk", "timmerman"],
        ["snoeien"] = ["snoeiwerk", "bomen snoeien"],
        ["bestrating"] = ["bestraten", "straatwerk"],
        ["maaien"] = ["gras maaien", "maaiwerk"],
        ["sanitair"] = ["sanitair installeren", "sanitaire installaties"],
        ["observeren"] = ["observatie", "kinderen observeren"],
        ["snijden"] = ["groenten snijden", "snijwerk"],
        ["koken"] = ["kookervaring", "koken in restaurant"],
        ["planning"] = ["planningen maken", "plannen"],
    };

    /// <summary>Compounds as people split them, by the vocabulary's spelling.</summary>
    public static readonly IReadOnlyDictionary<string, string> Splits = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["orderpicken"] = "order picken",
        ["vakkenvullen"] = "vakken vullen",
        ["schoonmaken"] = "schoon maken",
        ["tekeninglezen"] = "tekening lezen",
        ["voorraadbeheer"] = "voorraad beheer",
        ["elektrotechniek"] = "elektro techniek",
        ["heftruckcertificaat"] = "heftruck-certificaat",
        ["klantvriendelijkheid"] = "klant vriendelijkheid",
        ["computervaardig"] = "computer vaardig",
        ["wondverzorging"] = "wond verzorging",
        ["magazijnwerk"] = "magazijn werk",
        ["sloopwerk"] = "sloop werk",
        ["nauwkeurigheid"] = "nauwkeurig heid",
        ["gastvrijheid"] = "gast vrijheid",
        ["dementiezorg"] = "dementie zorg",
    };

    /// <summary>What people write around a skill or certificate; {0} is the label.</summary>
    public static readonly string[] Wrappers =
    [
        "ervaring met {0}", "{0} (ervaring)", "kan {0}", "goed in {0}", "ruime ervaring in {0}", "{0} - ervaren",
        "kennis van {0}", "Ervaring: {0}", "{0}, 2 jaar", "heeft {0} gedaan", "{0} (basis)", "jaren {0}",
    ];
}
