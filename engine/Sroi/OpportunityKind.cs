using System.Text.Json.Serialization;

namespace MatchEngine.Engine.Sroi;

/// <summary>What a placement opportunity is.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OpportunityKind>))]
public enum OpportunityKind
{
    /// <summary>An open vacancy of the contractor.</summary>
    [JsonStringEnumMemberName("vacancy")] Vacancy,

    /// <summary>A role carved from the tasks of the contractor's open vacancies.</summary>
    [JsonStringEnumMemberName("carved_role")] CarvedRole,
}
