namespace MatchEngine.Engine.Carving;

/// <summary>The customary Dutch name of a carved role in a sector (zorg → zorgassistent), and its ISCO-08 unit group.</summary>
public static class RoleTitles
{
    /// <summary>The ISCO-08 unit group of a carved role's title (elementary or assisting occupations).</summary>
    public static string IscoOf(string title) => title switch
    {
        "zorgassistent" => "5329",
        "groepshulp kinderopvang" => "5312",
        "keukenassistent" => "9412",
        "magazijnassistent" => "9321",
        "bouwassistent" => "9313",
        "assistent-monteur" => "9313",
        "medewerker groen" => "9214",
        "schoonmaakmedewerker" => "9112",
        "winkelassistent" => "9334",
        "productieassistent" => "9329",
        _ => "9629",
    };

    /// <summary>A role title by the vacancy's sector, falling back to the employer's.</summary>
    public static string For(string employerSector, string vacancySector)
    {
        var sector = Domain.Labels.Key(string.IsNullOrWhiteSpace(vacancySector) ? employerSector : vacancySector);
        return sector switch
        {
            "zorg" => "zorgassistent",
            "kinderopvang" => "groepshulp kinderopvang",
            "horeca" => "keukenassistent",
            "logistiek" or "transport en logistiek" or "transport" => "magazijnassistent",
            "bouw" => "bouwassistent",
            "techniek" or "installatie" or "energie" => "assistent-monteur",
            "groen" => "medewerker groen",
            "schoonmaak" => "schoonmaakmedewerker",
            "detailhandel" => "winkelassistent",
            "productie" => "productieassistent",
            _ => $"assistent {sector}",
        };
    }
}
