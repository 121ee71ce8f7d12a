using System.Text.Json.Serialization;

namespace MatchEngine.Engine.Domain;

/// <summary>Highest education, ordered: compare with &lt; and &gt;.</summary>
public enum EducationLevel
{
    [JsonStringEnumMemberName("none")] None,
    [JsonStringEnumMemberName("vo")] Vo,
    [JsonStringEnumMemberName("mbo1")] Mbo1,
    [JsonStringEnumMemberName("mbo2")] Mbo2,
    [JsonStringEnumMemberName("mbo3")] Mbo3,
    [JsonStringEnumMemberName("mbo4")] Mbo4,
    [JsonStringEnumMemberName("hbo")] Hbo,
    [JsonStringEnumMemberName("wo")] Wo,
}

/// <summary>Dutch language level on the CEFR scale, ordered.</summary>
public enum CefrLevel
{
    [JsonStringEnumMemberName("none")] None,
    [JsonStringEnumMemberName("A1")] A1,
    [JsonStringEnumMemberName("A2")] A2,
    [JsonStringEnumMemberName("B1")] B1,
    [JsonStringEnumMemberName("B2")] B2,
    [JsonStringEnumMemberName("C1")] C1,
    [JsonStringEnumMemberName("C2")] C2,
}

/// <summary>Physical load of work, or physical capacity of a person, ordered.</summary>
public enum Load
{
    [JsonStringEnumMemberName("low")] Low,
    [JsonStringEnumMemberName("medium")] Medium,
    [JsonStringEnumMemberName("high")] High,
}
