using System.Globalization;
using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Risk;

/// <summary>
/// Dutch words for herinstroom features and instruments, as a consulent reads them: a factor names the
/// placement's own value (e.g. "lange bijstandsduur (84 maanden)", "schuldhulp", "uitzendcontract").
/// Stateless and thread-safe.
/// </summary>
public static class HerinstroomWords
{
    private static readonly string[] AgeBands = ["jonger dan 25", "25 tot 35 jaar", "35 tot 45 jaar", "45 tot 55 jaar", "55 jaar of ouder"];
    private static readonly string[] Capacity = ["lage", "gemiddelde", "hoge"];

    /// <summary>Instrument features, with what to do to add them to a running placement.</summary>
    public static IReadOnlyDictionary<string, string> Instruments { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["jobcoach"] = "jobcoach inzetten",
        ["route_completed"] = "leerwerkroute afronden",
        ["leerwerk"] = "leerwerkarrangement toevoegen",
        ["lks"] = "loonkostensubsidie aanvragen",
        ["no_risk_polis"] = "no-riskpolis afsluiten",
    };

    /// <summary>The value <paramref name="value"/> of feature <paramref name="feature"/>, relative to the training mean <paramref name="mean"/>, in words.</summary>
    public static string Describe(string feature, double value, double mean)
    {
        var on = value >= 0.5;
        var n = (int)Math.Round(value);
        return feature switch
        {
            "months_in_bijstand" => $"{(value >= mean ? "lange" : "korte")} bijstandsduur ({Dutch.Months(n)}{(n >= WorkingLife.Months ? " of meer" : "")})",
            "long_spell_5y" => on ? "bijstandsduur van 5 jaar of langer" : "bijstandsduur korter dan 5 jaar",
            "prior_outflows" => n == 0 ? "niet eerder uitgestroomd" : n == 1 ? "1 keer eerder uitgestroomd"
                : $"{n} keer{(n >= WorkingLife.Exits ? " of vaker" : "")} eerder uitgestroomd",
            "age_band" => AgeBands[Math.Clamp(n, 0, AgeBands.Length - 1)],
            "education" => $"opleiding: {Dutch.Education((EducationLevel)Math.Clamp(n, 0, (int)EducationLevel.Wo))}",
            "startkwalificatie" => on ? "startkwalificatie" : "geen startkwalificatie",
            "dutch" => $"taalniveau Nederlands: {Dutch.Language((CefrLevel)Math.Clamp(n, 0, (int)CefrLevel.C2))}",
            "debt_support" => on ? "schuldhulp" : "geen schuldhulp",
            "care_tasks" => on ? "zorgtaken" : "geen zorgtaken",
            "needs_jobcoach" => on ? "heeft begeleiding door een jobcoach nodig" : "geen jobcoachbehoefte",
            "doelgroepregister" => on ? "in het doelgroepregister" : "niet in het doelgroepregister",
            "physical_capacity" => $"{Capacity[Math.Clamp(n, 0, Capacity.Length - 1)]} fysieke belastbaarheid",
            "hours_per_week" => $"{value.ToString("0.#", CultureInfo.InvariantCulture)} uur per week",
            "contract_permanent" => on ? "vast contract" : "geen vast contract",
            "contract_agency" => on ? "uitzendcontract" : "geen uitzendcontract",
            "contract_on_call" => on ? "oproepcontract" : "geen oproepcontract",
            "lks" => on ? "loonkostensubsidie" : "geen loonkostensubsidie",
            "no_risk_polis" => on ? "no-riskpolis" : "geen no-riskpolis",
            "jobcoach" => on ? "jobcoach" : "geen jobcoach",
            "proefplaatsing" => on ? "gestart met proefplaatsing" : "geen proefplaatsing",
            "leerwerk" => on ? "leerwerkarrangement" : "geen leerwerkarrangement",
            "route_completed" => value >= 1 ? "leerwerkroute afgerond" : value > 0 ? "leerwerkroute loopt nog" : "geen afgeronde leerwerkroute",
            _ => feature,
        };
    }
}
