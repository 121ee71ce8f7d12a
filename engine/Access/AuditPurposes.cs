namespace MatchEngine.Engine.Access;

/// <summary>
/// Why a call read a candidate's data, as the audit trail stores it and the privacy officer reads it: in Dutch, one
/// phrase per kind of call, with the vacancy, region or stage where that tells calls apart. Nothing the caller typed
/// is kept (a search text can hold a name).
/// </summary>
public static class AuditPurposes
{
    public const string CandidateRecord = "kandidaatgegevens";
    public const string PlacementRecord = "plaatsingsgegevens";
    public const string CandidateSearch = "kandidaten zoeken (zoektekst niet bewaard)";
    public const string VacanciesForCandidate = "vacatures voor een kandidaat";
    public const string Advice = "advies voor een kandidaat (wat helpt?)";
    public const string DevelopmentPlan = "ontwikkelplan van een kandidaat";
    public const string TrainingNeeds = "opleidingsbehoefte van een regio";
    public const string CarvingForCandidate = "jobcarving voor een kandidaat";
    public const string CandidatesForCarvedRoles = "kandidaten voor gesneden rollen";
    public const string CarvedRolesForCandidate = "gesneden rollen voor een kandidaat";
    public const string LeerwerkRoutes = "leerwerkroutes voor een kandidaat";
    public const string Readiness = "wervingsactie: wie binnen de termijn klaar is";
    public const string HerinstroomRisk = "herinstroomrisico van een plaatsing";
    public const string SroiProgress = "voortgang van een SROI-contract";
    public const string SroiWorklist = "SROI-werklijst";
    public const string SroiPlacements = "SROI-plaatsingen voor een contract";
    public const string SroiClaim = "SROI-toerekening van een plaatsing";
    public const string Erasure = "kandidaat gewist, met matchgebeurtenissen en plaatsingen";
    public const string Import = "kandidaatgegevens geïmporteerd uit contractbestanden";
    public const string Upsert = "kandidaatgegevens geschreven";

    /// <summary>"shortlijst voor vacature v000281".</summary>
    public static string Shortlist(string vacancyId) => $"shortlijst voor vacature {vacancyId}";

    /// <summary>"nazorgwerklijst GV".</summary>
    public static string NazorgWorklist(string region) => $"nazorgwerklijst {region}";

    /// <summary>"uitkomst uitgenodigd vastgelegd" for the contract stage <c>invited</c>.</summary>
    public static string Outcome(string stage) => $"uitkomst {StageWords.GetValueOrDefault(stage, stage)} vastgelegd";

    private static readonly Dictionary<string, string> StageWords = new(StringComparer.Ordinal)
    {
        ["proposed"] = "voorgesteld", ["invited"] = "uitgenodigd", ["hired"] = "aangenomen", ["rejected"] = "afgewezen",
    };
}
