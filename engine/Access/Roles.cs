namespace MatchEngine.Engine.Access;

/// <summary>
/// The roles of the engine's users and which may call what. A caller may hold several roles: it may call
/// what any of them may call, and it sees candidates as its most restricted candidate-seeing role does
/// (<see cref="Caller"/>).
/// </summary>
public static class Roles
{
    public const string Accountmanager = "accountmanager";
    public const string Consulent = "consulent";
    public const string SroiMakelaar = "sroi-makelaar";
    public const string DataScientist = "data-scientist";
    public const string Admin = "admin";

    /// <summary>Who may see candidates (scoped to their regions, except admin and sroi-makelaar).</summary>
    public const string SeeCandidates = Accountmanager + "," + Consulent + "," + SroiMakelaar + "," + Admin;

    /// <summary>Who may read the catalog (vacancies for everyone; candidates and placements only for <see cref="SeeCandidates"/>).</summary>
    public const string ReadCatalog = SeeCandidates + "," + DataScientist;

    /// <summary>Who may ask for herinstroom risks and nazorg.</summary>
    public const string Nazorg = Accountmanager + "," + Consulent + "," + Admin;

    /// <summary>Who may ask for SROI progress, placements and claims.</summary>
    public const string Sroi = SroiMakelaar + "," + Accountmanager + "," + Admin;

    /// <summary>Who may record what happened to a shortlisted candidate.</summary>
    public const string RecordOutcomes = Accountmanager + "," + Consulent + "," + Admin;

    /// <summary>Who may train, evaluate, promote and roll back models.</summary>
    public const string ManageModels = DataScientist + "," + Admin;

    /// <summary>Roles that see only the candidates of the regions in their credentials; without a region they see none.</summary>
    public static readonly IReadOnlySet<string> RegionScoped = new HashSet<string>(StringComparer.Ordinal) { Accountmanager, Consulent };

    /// <summary>Roles that may see candidate and placement records at all.</summary>
    public static readonly IReadOnlySet<string> CandidateReaders = new HashSet<string>(StringComparer.Ordinal) { Accountmanager, Consulent, SroiMakelaar, Admin };

    /// <summary>Every role the engine knows.</summary>
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Accountmanager, Consulent, SroiMakelaar, DataScientist, Admin };
}
