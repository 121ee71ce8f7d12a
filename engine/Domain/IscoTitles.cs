namespace MatchEngine.Engine.Domain;

/// <summary>Dutch names of the ISCO-08 unit groups seen in WSP work, for explanations ("3 jaar ervaring als …").</summary>
public static class IscoTitles
{
    private static readonly Dictionary<string, string> Titles = new(StringComparer.Ordinal)
    {
        ["2221"] = "verpleegkundige (hbo)", ["3221"] = "verpleegkundige (mbo)", ["5321"] = "verzorgende",
        ["5322"] = "thuiszorgmedewerker", ["5329"] = "zorgassistent", ["9112"] = "schoonmaker",
        ["9111"] = "huishoudelijke hulp", ["5311"] = "pedagogisch medewerker kinderopvang", ["5312"] = "onderwijsassistent",
        ["5120"] = "kok", ["5131"] = "medewerker bediening", ["5132"] = "barmedewerker", ["9412"] = "keukenhulp",
        ["9411"] = "medewerker fastfood", ["5223"] = "verkoopmedewerker", ["5230"] = "kassamedewerker",
        ["9334"] = "vakkenvuller", ["4321"] = "magazijnmedewerker", ["9321"] = "orderpicker/inpakker",
        ["8344"] = "heftruckchauffeur", ["8332"] = "vrachtwagenchauffeur", ["8322"] = "chauffeur personenvervoer",
        ["9621"] = "koerier/bezorger", ["7411"] = "elektricien", ["7412"] = "elektromonteur", ["7126"] = "installatiemonteur",
        ["7127"] = "monteur koeltechniek", ["7115"] = "timmerman", ["7112"] = "metselaar", ["9313"] = "bouwhulp",
        ["7131"] = "schilder", ["6113"] = "hovenier", ["9214"] = "medewerker groenvoorziening", ["7233"] = "monteur landbouwmachines",
        ["8189"] = "productieoperator", ["9329"] = "productiemedewerker", ["7543"] = "kwaliteitscontroleur",
        ["4110"] = "administratief medewerker", ["4222"] = "klantcontactmedewerker", ["5414"] = "beveiliger",
        ["3113"] = "technicus elektrotechniek", ["7421"] = "monteur elektronica", ["9622"] = "klusjesman",
        ["5151"] = "facilitair medewerker", ["9613"] = "medewerker afvalinzameling", ["7213"] = "plaatwerker",
        ["7212"] = "lasser", ["7223"] = "metaalbewerker", ["3115"] = "werktuigbouwkundig technicus",
    };

    /// <summary>The Dutch title, or "beroep {code}" for codes not in the table.</summary>
    public static string Of(string isco) => Titles.TryGetValue(isco, out var t) ? t : $"beroep {isco}";
}
