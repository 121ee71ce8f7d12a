using MatchEngine.Engine.Sroi;

namespace MatchEngine.Api.WebConsole;

/// <summary>The Dutch words of SROI terms on the console's pages.</summary>
public static class SroiWords
{
    /// <summary>Why a placement counts toward a contract.</summary>
    public static string Rule(AttributionRule rule) => rule switch
    {
        AttributionRule.Vacancy => "via de vacature",
        AttributionRule.Period => "binnen de looptijd",
        _ => "toegerekend",
    };

    /// <summary>What kind of opportunity would fill a gap.</summary>
    public static string Opportunity(OpportunityKind kind) => kind == OpportunityKind.Vacancy ? "vacature" : "gesneden rol";
}
