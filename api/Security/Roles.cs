namespace MatchEngine.Api.Security;

/// <summary>The roles of the api and which may call what.</summary>
public static class Roles
{
    public const string Accountmanager = "accountmanager";
    public const string Consulent = "consulent";
    public const string SroiMakelaar = "sroi-makelaar";
    public const string DataScientist = "data-scientist";
    public const string Admin = "admin";

    /// <summary>Who may see candidates (scoped to their regions, except admin and sroi-makelaar).</summary>
    public const string SeeCandidates = Accountmanager + "," + Consulent + "," + SroiMakelaar + "," + Admin;

    /// <summary>Who may read the catalog (vacancies for everyone; candidates only for <see cref="SeeCandidates"/>).</summary>
    public const string ReadCatalog = SeeCandidates + "," + DataScientist;

    /// <summary>Who may ask for herinstroom risks and nazorg.</summary>
    public const string Nazorg = Accountmanager + "," + Consulent + "," + Admin;
}
