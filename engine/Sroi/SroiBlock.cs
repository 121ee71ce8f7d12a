using System.Text.Json.Serialization;

namespace MatchEngine.Engine.Sroi;

/// <summary>
/// A building block (bouwblok) of the Bouwblokkenmethode: the category a placement counts in. A placement
/// counts in exactly one block (the method forbids counting one person twice); see <see cref="SroiValuationTable.BlockOf"/>.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<SroiBlock>))]
public enum SroiBlock
{
    /// <summary>A person from the bijstand (Participatiewet) with a spell shorter than the long-term threshold.</summary>
    [JsonStringEnumMemberName("bijstand")] Bijstand,

    /// <summary>A person from the bijstand with a spell of at least <see cref="SroiValuationTable.LongTermMonths"/> months.</summary>
    [JsonStringEnumMemberName("bijstand_long_term")] BijstandLongTerm,

    /// <summary>A person in the doelgroepregister (banenafspraak).</summary>
    [JsonStringEnumMemberName("doelgroepregister")] Doelgroepregister,

    /// <summary>A leerwerk place (BBL, praktijkleren): a year of learning combined with work.</summary>
    [JsonStringEnumMemberName("leerwerk")] Leerwerk,

    /// <summary>A role created by jobcarving (functiecreatie).</summary>
    [JsonStringEnumMemberName("carved_role")] CarvedRole,
}
