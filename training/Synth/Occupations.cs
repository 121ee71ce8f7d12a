using MatchEngine.Engine.Domain;
using static MatchEngine.Engine.Domain.Load;
using static MatchEngine.Engine.Domain.Shift;

namespace MatchEngine.Training.Synth;

/// <summary>
/// The occupations of the synthetic labour market: shortage sectors named by UWV (zorg, horeca,
/// kinderopvang, techniek, bouw, installatie, groen, detailhandel, transport en logistiek, energie) with
/// real ISCO-08 unit groups. <see cref="Occupation.Weight"/> is the relative number of vacancies.
/// </summary>
public static class Occupations
{
    public static readonly Occupation[] All =
    [
        new("3221", "Verpleegkundige", "zorg", ["medicatie", "rapporteren", "wondverzorging"], ["dementiezorg"], ["BIG-registratie"],
            EducationLevel.Mbo4, CefrLevel.B2, Medium, [Day, Evening, Weekend], "Je zorgt voor onze bewoners op een psychogeriatrische afdeling.",
            [T("medicatie toedienen", ["medicatie"], 4, Low, .2), T("zorgplannen bijhouden", ["rapporteren"], 4, Low, .15),
             T("wondzorg", ["wondverzorging"], 5, Low, .15), T("bedden opmaken", ["bedden opmaken"], 1, Medium, .12),
             T("maaltijden rondbrengen", ["maaltijden serveren"], 1, Low, .14), T("was verzorgen", ["wassen"], 1, Medium, .1),
             T("overleg met familie", ["communicatie"], 3, Low, .14)], 4),
        new("5321", "Verzorgende IG", "zorg", ["persoonlijke verzorging", "rapporteren"], ["medicatie"], [], EducationLevel.Mbo3, CefrLevel.B1,
            High, [Day, Evening, Weekend], "Je helpt cliënten bij wassen, aankleden en eten.",
            [T("persoonlijke verzorging", ["persoonlijke verzorging"], 3, High, .45), T("rapporteren", ["rapporteren"], 3, Low, .15),
             T("maaltijden rondbrengen", ["maaltijden serveren"], 1, Low, .15), T("bedden opmaken", ["bedden opmaken"], 1, Medium, .1),
             T("activiteiten begeleiden", ["activiteiten begeleiden"], 2, Low, .15)], 4),
        new("5322", "Thuiszorgmedewerker", "zorg", ["persoonlijke verzorging", "huishouden"], ["rijbewijs B"], [], EducationLevel.Mbo2, CefrLevel.B1,
            Medium, [Day, Weekend], "Je ondersteunt cliënten thuis bij de persoonlijke verzorging en het huishouden.",
            [T("persoonlijke verzorging", ["persoonlijke verzorging"], 3, Medium, .4), T("huishoudelijke taken", ["huishouden"], 1, Medium, .4),
             T("boodschappen doen", ["plannen"], 1, Low, .2)], 3),
        new("9111", "Huishoudelijke hulp", "zorg", ["huishouden", "schoonmaken"], [], [], EducationLevel.None, CefrLevel.A2, Medium, [Day],
            "Je houdt de woning van cliënten schoon en bent een vertrouwd gezicht.",
            [T("stofzuigen en dweilen", ["schoonmaken"], 1, Medium, .5), T("sanitair reinigen", ["schoonmaken"], 1, Medium, .3),
             T("was verzorgen", ["wassen"], 1, Medium, .2)], 3),
        new("5311", "Pedagogisch medewerker", "kinderopvang", ["kinderen begeleiden", "observeren"], ["EHBO kinderen"], ["diploma PM"],
            EducationLevel.Mbo3, CefrLevel.B2, Medium, [Day], "Je begeleidt een groep kinderen van 0 tot 4 jaar.",
            [T("groep begeleiden", ["kinderen begeleiden"], 3, Medium, .55), T("observeren en rapporteren", ["observeren"], 3, Low, .15),
             T("ruimte opruimen en schoonmaken", ["schoonmaken"], 1, Medium, .15), T("maaltijden klaarzetten", ["maaltijden serveren"], 1, Low, .15)], 3),
        new("5120", "Kok", "horeca", ["koken", "hygiëne (HACCP)"], ["menu samenstellen"], [], EducationLevel.Mbo2, CefrLevel.A2, High,
            [Evening, Weekend], "Je bereidt gerechten in een drukke restaurantkeuken.",
            [T("gerechten bereiden", ["koken"], 3, High, .5), T("mise-en-place", ["snijden"], 2, Medium, .25),
             T("afwassen", ["afwassen"], 1, High, .15), T("voorraad bijhouden", ["voorraadbeheer"], 2, Low, .1)], 3),
        new("9412", "Keukenhulp", "horeca", ["afwassen", "snijden"], ["hygiëne (HACCP)"], [], EducationLevel.None, CefrLevel.A1, High,
            [Day, Evening, Weekend], "Je helpt in de keuken met voorbereiden en afwassen.",
            [T("afwassen", ["afwassen"], 1, High, .5), T("groenten snijden", ["snijden"], 1, Medium, .3), T("keuken schoonmaken", ["schoonmaken"], 1, Medium, .2)], 3),
        new("5131", "Medewerker bediening", "horeca", ["gastvrijheid", "kassa"], ["Engels"], [], EducationLevel.Vo, CefrLevel.B1, Medium,
            [Evening, Weekend], "Je ontvangt gasten en serveert in ons café-restaurant.",
            [T("gasten bedienen", ["gastvrijheid"], 2, Medium, .6), T("afrekenen", ["kassa"], 2, Low, .2), T("tafels dekken en afruimen", ["afruimen"], 1, Medium, .2)], 3),
        new("7411", "Elektricien", "installatie", ["elektrotechniek", "tekeninglezen"], ["storingen zoeken"], ["VCA"], EducationLevel.Mbo3,
            CefrLevel.B1, Medium, [Day], "Je legt elektrische installaties aan in nieuwbouwwoningen.",
            [T("installaties aanleggen", ["elektrotechniek"], 4, Medium, .5), T("storingen verhelpen", ["storingen zoeken"], 4, Low, .2),
             T("materiaal klaarzetten", ["magazijnwerk"], 1, Medium, .15), T("kabels trekken", ["kabels trekken"], 2, High, .15)], 2),
        new("7126", "Installatiemonteur", "installatie", ["sanitair", "cv-installaties"], ["warmtepompen"], ["VCA", "rijbewijs B"], EducationLevel.Mbo2,
            CefrLevel.B1, High, [Day], "Je installeert cv-ketels, warmtepompen en sanitair bij klanten.",
            [T("cv en warmtepompen installeren", ["cv-installaties"], 4, High, .45), T("sanitair monteren", ["sanitair"], 3, High, .25),
             T("sleuven hakken en opruimen", ["sloopwerk"], 1, High, .15), T("materiaal laden", ["magazijnwerk"], 1, High, .15)], 2),
        new("7412", "Monteur zonnepanelen", "energie", ["zonnepanelen monteren", "werken op hoogte"], ["elektrotechniek"], ["VCA"], EducationLevel.Mbo2,
            CefrLevel.A2, High, [Day], "Je monteert zonnepanelen op daken van woningen en bedrijven.",
            [T("panelen monteren", ["zonnepanelen monteren"], 2, High, .5), T("omvormers aansluiten", ["elektrotechniek"], 4, Low, .2),
             T("materiaal sjouwen", ["tillen"], 1, High, .2), T("bouwplaats opruimen", ["schoonmaken"], 1, Medium, .1)], 2),
        new("3113", "Technicus laadpalen", "energie", ["elektrotechniek", "storingen zoeken"], [], ["VCA", "rijbewijs B"], EducationLevel.Mbo4,
            CefrLevel.B1, Medium, [Day], "Je installeert en onderhoudt laadpalen in de regio.",
            [T("laadpalen installeren", ["elektrotechniek"], 4, Medium, .6), T("storingen verhelpen", ["storingen zoeken"], 4, Low, .3), T("administratie", ["rapporteren"], 2, Low, .1)], 1),
        new("7115", "Timmerman", "bouw", ["timmeren", "tekeninglezen"], ["kozijnen plaatsen"], ["VCA"], EducationLevel.Mbo2, CefrLevel.A2, High, [Day],
            "Je werkt mee aan de bouw van woningen.",
            [T("bekisting en kozijnen", ["timmeren"], 3, High, .6), T("materiaal aanvoeren", ["tillen"], 1, High, .2), T("bouwplaats opruimen", ["schoonmaken"], 1, Medium, .2)], 2),
        new("9313", "Bouwhulp", "bouw", ["tillen", "schoonmaken"], [], ["VCA"], EducationLevel.None, CefrLevel.A1, High, [Day],
            "Je ondersteunt de vakmensen op de bouwplaats.",
            [T("materiaal aanvoeren", ["tillen"], 1, High, .5), T("bouwplaats opruimen", ["schoonmaken"], 1, Medium, .3), T("sloopwerk", ["sloopwerk"], 2, High, .2)], 2),
        new("6113", "Hovenier", "groen", ["snoeien", "bestrating"], ["rijbewijs B"], [], EducationLevel.Mbo2, CefrLevel.A2, High, [Day],
            "Je legt tuinen aan en onderhoudt ze.",
            [T("beplanting en snoeien", ["snoeien"], 3, High, .4), T("bestraten", ["bestrating"], 3, High, .3), T("onkruid wieden", ["onkruid wieden"], 1, Medium, .2),
                T("groenafval afvoeren", ["tillen"], 1, High, .1)], 2),
        new("9214", "Medewerker groenvoorziening", "groen", ["onkruid wieden", "maaien"], ["snoeien"], [], EducationLevel.None, CefrLevel.A1, Medium, [Day],
            "Je onderhoudt het openbaar groen in de gemeente.",
            [T("maaien", ["maaien"], 1, Medium, .4), T("onkruid wieden", ["onkruid wieden"], 1, Medium, .4), T("zwerfafval prikken", ["schoonmaken"], 1, Low, .2)], 3),
        new("5223", "Verkoopmedewerker", "detailhandel", ["klantvriendelijkheid", "kassa"], ["vakkenvullen"], [], EducationLevel.Vo, CefrLevel.B1, Low,
            [Day, Evening, Weekend], "Je helpt klanten in onze winkel en zorgt voor een volle winkel.",
            [T("klanten helpen", ["klantvriendelijkheid"], 2, Low, .5), T("kassa", ["kassa"], 2, Low, .3), T("vakkenvullen", ["vakkenvullen"], 1, Medium, .2)], 3),
        new("9334", "Vakkenvuller", "detailhandel", ["vakkenvullen"], ["kassa"], [], EducationLevel.None, CefrLevel.A1, Medium, [Evening, Weekend, Day],
            "Je vult de schappen van de supermarkt.",
            [T("vakkenvullen", ["vakkenvullen"], 1, Medium, .7), T("houdbaarheid controleren", ["nauwkeurigheid"], 1, Low, .3)], 3),
        new("4321", "Magazijnmedewerker", "logistiek", ["orderpicken", "voorraadbeheer"], ["heftruck rijden"], [], EducationLevel.Mbo1, CefrLevel.A2,
            High, [Day, Evening], "Je verzamelt orders en houdt de voorraad op orde in ons distributiecentrum.",
            [T("orders verzamelen", ["orderpicken"], 1, High, .5), T("goederen ontvangen", ["voorraadbeheer"], 2, High, .25),
             T("pallets verplaatsen met heftruck", ["heftruck rijden"], 2, Medium, .15), T("magazijn opruimen", ["schoonmaken"], 1, Medium, .1)], 4),
        new("8344", "Heftruckchauffeur", "logistiek", ["heftruck rijden"], ["orderpicken"], ["heftruckcertificaat"], EducationLevel.Mbo1, CefrLevel.A2,
            Medium, [Day, Evening, Night], "Je laadt en lost vrachtwagens met de heftruck.",
            [T("laden en lossen", ["heftruck rijden"], 2, Medium, .6), T("pallets verplaatsen", ["heftruck rijden"], 2, Medium, .3), T("orders verzamelen", ["orderpicken"], 1, High, .1)], 3),
        new("8332", "Vrachtwagenchauffeur", "logistiek", ["vrachtwagen rijden", "planning"], [], ["rijbewijs C", "code 95"], EducationLevel.Mbo2, CefrLevel.B1,
            Medium, [Day, Night], "Je bevoorraadt supermarkten in de regio.",
            [T("rijden", ["vrachtwagen rijden"], 3, Medium, .7), T("laden en lossen", ["tillen"], 1, High, .3)], 2),
        new("9321", "Productiemedewerker inpak", "productie", ["inpakken", "nauwkeurigheid"], [], [], EducationLevel.None, CefrLevel.A1, Medium,
            [Day, Evening], "Je verpakt producten aan de lopende band.",
            [T("inpakken", ["inpakken"], 1, Medium, .6), T("kwaliteit controleren", ["nauwkeurigheid"], 2, Low, .2), T("dozen stapelen", ["tillen"], 1, High, .2)], 2),
        new("9112", "Schoonmaker", "schoonmaak", ["schoonmaken"], [], [], EducationLevel.None, CefrLevel.A1, Medium, [Evening, Day],
            "Je maakt kantoren schoon in de avonduren.",
            [T("kantoren schoonmaken", ["schoonmaken"], 1, Medium, .7), T("sanitair reinigen", ["schoonmaken"], 1, Medium, .3)], 3),
        new("4222", "Klantcontactmedewerker", "overheid", ["klantvriendelijkheid", "computervaardig"], [], [], EducationLevel.Mbo2, CefrLevel.B2, Low, [Day],
            "Je beantwoordt vragen van inwoners aan de telefoon.",
            [T("telefoon beantwoorden", ["klantvriendelijkheid"], 2, Low, .7), T("afspraken registreren", ["computervaardig"], 2, Low, .3)], 1),
    ];

    /// <summary>The occupation of an ISCO code.</summary>
    public static Occupation ByIsco(string isco) => All.First(o => o.Isco == isco);

    private static TaskTemplate T(string name, string[] skills, int complexity, Load load, double share) => new(name, skills, complexity, load, share);
}
