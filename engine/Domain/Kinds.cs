using System.Text.Json.Serialization;

namespace MatchEngine.Engine.Domain;

/// <summary>When work happens.</summary>
public enum Shift
{
    [JsonStringEnumMemberName("day")] Day,
    [JsonStringEnumMemberName("evening")] Evening,
    [JsonStringEnumMemberName("night")] Night,
    [JsonStringEnumMemberName("weekend")] Weekend,
}

/// <summary>Kind of employment contract.</summary>
public enum ContractKind
{
    [JsonStringEnumMemberName("temporary")] Temporary,
    [JsonStringEnumMemberName("permanent")] Permanent,
    [JsonStringEnumMemberName("agency")] Agency,
    [JsonStringEnumMemberName("on_call")] OnCall,
}

/// <summary>Employer size class.</summary>
public enum EmployerSize
{
    [JsonStringEnumMemberName("small")] Small,
    [JsonStringEnumMemberName("medium")] Medium,
    [JsonStringEnumMemberName("large")] Large,
}

/// <summary>How a candidate can travel to work.</summary>
public enum Transport
{
    [JsonStringEnumMemberName("car")] Car,
    [JsonStringEnumMemberName("bike")] Bike,
    [JsonStringEnumMemberName("public_transport")] PublicTransport,
}

/// <summary>Kind of leerwerk route.</summary>
public enum RouteKind
{
    [JsonStringEnumMemberName("praktijkleren_mbo")] PraktijklerenMbo,
    [JsonStringEnumMemberName("bbl")] Bbl,
    [JsonStringEnumMemberName("praktijkverklaring")] Praktijkverklaring,
    [JsonStringEnumMemberName("certificate")] Certificate,
    [JsonStringEnumMemberName("language")] Language,
    [JsonStringEnumMemberName("werkfit")] Werkfit,
}

/// <summary>Stage a proposed candidate reached for a vacancy; the order is proposed &lt; invited &lt; hired.</summary>
public enum MatchStage
{
    [JsonStringEnumMemberName("proposed")] Proposed,
    [JsonStringEnumMemberName("invited")] Invited,
    [JsonStringEnumMemberName("rejected")] Rejected,
    [JsonStringEnumMemberName("hired")] Hired,
}

/// <summary>Instrument used with a placement.</summary>
public enum Instrument
{
    [JsonStringEnumMemberName("lks")] Lks,
    [JsonStringEnumMemberName("no_risk_polis")] NoRiskPolis,
    [JsonStringEnumMemberName("jobcoach")] Jobcoach,
    [JsonStringEnumMemberName("proefplaatsing")] Proefplaatsing,
    [JsonStringEnumMemberName("leerwerk")] Leerwerk,
}
