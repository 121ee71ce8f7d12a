using MatchEngine.Engine.Domain;

namespace MatchEngine.Training.Synth;

/// <summary>
/// The region's leerwerk routes: praktijkleren mbo per sector, BBL, praktijkverklaring, VCA,
/// heftruck, rijbewijs, NT2 routes and werkfit, with prerequisites, durations and costs
/// (indicative 2024 prices of ROCs and private providers).
/// </summary>
public static class RouteCatalogue
{
    public static IReadOnlyList<LeerwerkRoute> For(string region)
    {
        var roc = region == "AM" ? "MBO Amersfoort" : "ROC van Amsterdam-Flevoland (Gooi)";
        return
        [
            R("nt2-a0-a1", "NT2 alfabetisering en A1", "Taalhuis", RouteKind.Language, null, 26, 1800, raisesDutch: CefrLevel.A1),
            R("nt2-a1-a2", "NT2 A1 naar A2", roc, RouteKind.Language, null, 20, 1500, requiresDutch: CefrLevel.A1, raisesDutch: CefrLevel.A2),
            R("nt2-a2-b1", "NT2 A2 naar B1 (werkgericht)", roc, RouteKind.Language, null, 26, 2000, requiresDutch: CefrLevel.A2, raisesDutch: CefrLevel.B1),
            R("nt2-b1-b2", "NT2 B1 naar B2", roc, RouteKind.Language, null, 30, 2400, requiresDutch: CefrLevel.B1, raisesDutch: CefrLevel.B2),
            R("werkfit", "Werkfit-traject", "Re-integratiebedrijf Werkkracht", RouteKind.Werkfit, null, 12, 2500, skills: ["computervaardig", "klantvriendelijkheid"]),
            R("vca", "VCA Basisveiligheid", "Veiligheidsinstituut Midden", RouteKind.Certificate, null, 1, 250, certifies: ["VCA"], requiresDutch: CefrLevel.A2),
            R("heftruck", "Heftruckcertificaat", "Transport Opleidingen", RouteKind.Certificate, "logistiek", 1, 450, skills: ["heftruck rijden"], certifies: ["heftruckcertificaat"],
                requiresDutch: CefrLevel.A1),
            R("rijbewijs-b", "Rijbewijs B", "Rijschool Gooi", RouteKind.Certificate, null, 10, 2300, certifies: ["rijbewijs B"], requiresDutch: CefrLevel.A2),
            R("rijbewijs-c", "Rijbewijs C en code 95", "Transport Opleidingen", RouteKind.Certificate, "logistiek", 12, 6500, skills: ["vrachtwagen rijden"], certifies: ["rijbewijs C", "code 95"],
                requiresDutch: CefrLevel.B1),
            R("haccp", "Hygiënecode horeca (HACCP)", "SVH", RouteKind.Certificate, "horeca", 1, 150, skills: ["hygiëne (HACCP)"], requiresDutch: CefrLevel.A2),
            R("bhv", "BHV basis", "Veiligheidsinstituut Midden", RouteKind.Certificate, null, 1, 200, certifies: ["BHV"], requiresDutch: CefrLevel.A2),
            R("pv-logistiek", "Praktijkverklaring magazijnmedewerker", roc, RouteKind.Praktijkverklaring, "logistiek", 16, 1200, skills: ["orderpicken", "voorraadbeheer"],
                requiresDutch: CefrLevel.A1, onTheJob: true),
            R("pv-schoonmaak", "Praktijkverklaring schoonmaak", roc, RouteKind.Praktijkverklaring, "schoonmaak", 12, 900, skills: ["schoonmaken"], onTheJob: true),
            R("pv-horeca", "Praktijkverklaring keukenassistent", roc, RouteKind.Praktijkverklaring, "horeca", 16, 1100, skills: ["snijden", "afwassen", "hygiëne (HACCP)"],
                requiresDutch: CefrLevel.A1, onTheJob: true),
            R("pv-groen", "Praktijkverklaring groenvoorziening", roc, RouteKind.Praktijkverklaring, "groen", 16, 1100, skills: ["maaien", "onkruid wieden", "snoeien"], onTheJob: true),
            R("pv-zorg", "Praktijkverklaring helpende zorg", roc, RouteKind.Praktijkverklaring, "zorg", 20, 1500, skills: ["bedden opmaken", "maaltijden serveren", "wassen", "huishouden"],
                requiresDutch: CefrLevel.A2, onTheJob: true),
            R("pl-logistiek-mbo2", "Praktijkleren logistiek medewerker (mbo2)", roc, RouteKind.PraktijklerenMbo, "logistiek", 40, 3500, skills: ["orderpicken", "voorraadbeheer", "heftruck rijden"],
                certifies: ["heftruckcertificaat"], requiresDutch: CefrLevel.A2, raisesEducation: EducationLevel.Mbo2, onTheJob: true),
            R("pl-zorg-mbo2", "Praktijkleren helpende zorg en welzijn (mbo2)", roc, RouteKind.PraktijklerenMbo, "zorg", 52, 4200, skills: ["persoonlijke verzorging", "huishouden", "rapporteren"],
                requiresDutch: CefrLevel.A2, raisesEducation: EducationLevel.Mbo2, onTheJob: true),
            R("pl-bouw-mbo2", "Praktijkleren allround bouwplaats (mbo2)", roc, RouteKind.PraktijklerenMbo, "bouw", 40, 3800, skills: ["timmeren", "tekeninglezen", "tillen"], certifies: ["VCA"],
                requiresDutch: CefrLevel.A2, raisesEducation: EducationLevel.Mbo2, onTheJob: true),
            R("pl-installatie-mbo2", "Praktijkleren monteur installatietechniek (mbo2)", roc, RouteKind.PraktijklerenMbo, "installatie", 52, 4500, skills: ["sanitair", "cv-installaties"],
                certifies: ["VCA"], requiresDutch: CefrLevel.A2, raisesEducation: EducationLevel.Mbo2, onTheJob: true),
            R("pl-energie-mbo2", "Praktijkleren monteur zonne-energie (mbo2)", roc, RouteKind.PraktijklerenMbo, "energie", 26, 3200,
                skills: ["zonnepanelen monteren", "werken op hoogte", "elektrotechniek"], certifies: ["VCA"], requiresDutch: CefrLevel.A2, raisesEducation: EducationLevel.Mbo2, onTheJob: true),
            R("pl-horeca-mbo2", "Praktijkleren zelfstandig werkend kok (mbo2)", roc, RouteKind.PraktijklerenMbo, "horeca", 40, 3600, skills: ["koken", "hygiëne (HACCP)", "snijden"],
                requiresDutch: CefrLevel.A2, raisesEducation: EducationLevel.Mbo2, onTheJob: true),
            R("bbl-vig-mbo3", "BBL verzorgende IG (mbo3)", roc, RouteKind.Bbl, "zorg", 104, 0, skills: ["persoonlijke verzorging", "medicatie", "rapporteren"], requiresDutch: CefrLevel.B1,
                requiresEducation: EducationLevel.Mbo2, raisesEducation: EducationLevel.Mbo3, onTheJob: true),
            R("bbl-pm-mbo3", "BBL pedagogisch medewerker kinderopvang (mbo3)", roc, RouteKind.Bbl, "kinderopvang", 104, 0, skills: ["kinderen begeleiden", "observeren"], certifies: ["diploma PM"],
                requiresDutch: CefrLevel.B2, requiresEducation: EducationLevel.Mbo2, raisesEducation: EducationLevel.Mbo3, onTheJob: true),
            R("bbl-elektro-mbo3", "BBL eerste monteur elektrotechniek (mbo3)", roc, RouteKind.Bbl, "installatie", 104, 0, skills: ["elektrotechniek", "tekeninglezen", "storingen zoeken"],
                certifies: ["VCA"], requiresDutch: CefrLevel.B1, requiresEducation: EducationLevel.Mbo2, raisesEducation: EducationLevel.Mbo3, onTheJob: true),
        ];
    }

    private static LeerwerkRoute R(string id, string name, string provider, RouteKind kind, string? sector, int weeks, decimal cost,
        string[]? skills = null, string[]? certifies = null, CefrLevel requiresDutch = CefrLevel.None, EducationLevel requiresEducation = EducationLevel.None,
        CefrLevel? raisesDutch = null, EducationLevel? raisesEducation = null, bool onTheJob = false) => new()
    {
        Id = id, Name = name, Provider = provider, Kind = kind, Sector = sector, Weeks = weeks, CostEur = cost, TeachesSkills = skills ?? [],
        Certifies = certifies ?? [], RequiresDutchMin = requiresDutch, RequiresEducationMin = requiresEducation, RaisesDutchTo = raisesDutch,
        RaisesEducationTo = raisesEducation, WithWorkPlacement = onTheJob,
    };
}
