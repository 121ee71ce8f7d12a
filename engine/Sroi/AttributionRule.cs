using System.Text.Json.Serialization;

namespace MatchEngine.Engine.Sroi;

/// <summary>Why a placement counts toward a contract.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AttributionRule>))]
public enum AttributionRule
{
    /// <summary>The placement's vacancy names the contract (<c>vacancies.sroi_contract_id</c>).</summary>
    [JsonStringEnumMemberName("vacancy")] Vacancy,

    /// <summary>The contractor's contract active on the placement's start with the earliest end (ties by id).</summary>
    [JsonStringEnumMemberName("period")] Period,

    /// <summary>An explicit claim by a makelaar (<see cref="ISroiClaims"/>).</summary>
    [JsonStringEnumMemberName("claim")] Claim,
}
