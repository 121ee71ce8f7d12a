namespace MatchEngine.Engine.Contract;

/// <summary>The kinds of record in the contract, in the order a folder is imported (references point backwards).</summary>
public enum EntityKind
{
    Employer,
    SroiContract,
    Vacancy,
    Candidate,
    Route,
    MatchEvent,
    Placement,
}

/// <summary>File names and words of the entity kinds.</summary>
public static class EntityKinds
{
    /// <summary>All kinds in import order.</summary>
    public static IReadOnlyList<EntityKind> ImportOrder { get; } = Enum.GetValues<EntityKind>();

    /// <summary>The contract file of a kind, e.g. <c>vacancies.jsonl</c>.</summary>
    public static string FileName(this EntityKind kind) => kind.PluralName() + ".jsonl";

    /// <summary>The kind whose <see cref="PluralName"/> is <paramref name="name"/> (<c>vacancies</c>); null for none.</summary>
    public static EntityKind? FromPluralName(string? name) => ImportOrder.Select(k => (EntityKind?)k).FirstOrDefault(k => k!.Value.PluralName() == name);

    /// <summary>The plural word used in file names and import counts, e.g. <c>sroi_contracts</c>.</summary>
    public static string PluralName(this EntityKind kind) => kind switch
    {
        EntityKind.Employer => "employers",
        EntityKind.SroiContract => "sroi_contracts",
        EntityKind.Vacancy => "vacancies",
        EntityKind.Candidate => "candidates",
        EntityKind.Route => "routes",
        EntityKind.MatchEvent => "match_events",
        EntityKind.Placement => "placements",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The Dutch word for records of a kind, e.g. <c>vacatures</c>.</summary>
    public static string DutchPlural(this EntityKind kind) => kind switch
    {
        EntityKind.Employer => "werkgevers",
        EntityKind.SroiContract => "SROI-contracten",
        EntityKind.Vacancy => "vacatures",
        EntityKind.Candidate => "kandidaten",
        EntityKind.Route => "leerwerkroutes",
        EntityKind.MatchEvent => "matchgebeurtenissen",
        EntityKind.Placement => "plaatsingen",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The Dutch word for one record of a kind, as messages people read use it, e.g. <c>vacature</c>.</summary>
    public static string DutchName(this EntityKind kind) => kind switch
    {
        EntityKind.Employer => "werkgever",
        EntityKind.SroiContract => "SROI-contract",
        EntityKind.Vacancy => "vacature",
        EntityKind.Candidate => "kandidaat",
        EntityKind.Route => "leerwerkroute",
        EntityKind.MatchEvent => "matchgebeurtenis",
        EntityKind.Placement => "plaatsing",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
