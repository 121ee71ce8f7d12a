namespace MatchEngine.Engine.Carving;

/// <summary>The customary Dutch name of a carved role in a sector (zorg → zorgassistent).</summary>
public static class RoleTitles
{
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
