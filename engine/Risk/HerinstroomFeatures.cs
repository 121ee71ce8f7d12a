using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Risk;

/// <summary>
/// The features of a placement for the herinstroom models, defined once for training and scoring:
/// the person's history and situation at the placement's start, and the placement itself (contract,
/// hours, instruments, route). Gender and migration background are never read. Thread-safe.
/// </summary>
public static class HerinstroomFeatures
{
    private static readonly Feature[] All =
    [
        new("months_in_bijstand", "months in the benefit spell before the placement", (p, c) => WorkingLife.CountedMonths(c.MonthsInBijstand)),
        new("long_spell_5y", "1 when the spell before the placement was 5 years or longer", (p, c) => c.MonthsInBijstand >= 60 ? 1 : 0),
        new("prior_outflows", "earlier exits from the bijstand", (p, c) => WorkingLife.CountedExits(c.PriorOutflows)),
        new("age_band", "age at the start: 0 <25, 1 25-35, 2 35-45, 3 45-55, 4 55+", (p, c) => AgeBand(c, p.Start)),
        new("education", "education level, 0 (none) to 7 (wo)", (p, c) => (int)c.Education),
        new("startkwalificatie", "1 with a startkwalificatie", (p, c) => c.Startkwalificatie ? 1 : 0),
        new("dutch", "Dutch level, 0 (none) to 6 (C2)", (p, c) => (int)c.Dutch),
        new("debt_support", "1 with debt support", (p, c) => c.DebtSupport ? 1 : 0),
        new("care_tasks", "1 with care tasks", (p, c) => c.CareTasks ? 1 : 0),
        new("needs_jobcoach", "1 when assessed as needing a jobcoach", (p, c) => c.NeedsJobcoach ? 1 : 0),
        new("doelgroepregister", "1 when registered under the banenafspraak", (p, c) => c.Doelgroepregister ? 1 : 0),
        new("physical_capacity", "physical capacity, 0 low to 2 high", (p, c) => (int)c.PhysicalCapacity),
        new("hours_per_week", "contract hours per week", (p, c) => p.HoursPerWeek),
        new("contract_permanent", "1 for a permanent contract", (p, c) => p.Contract == ContractKind.Permanent ? 1 : 0),
        new("contract_agency", "1 for agency work", (p, c) => p.Contract == ContractKind.Agency ? 1 : 0),
        new("contract_on_call", "1 for an on-call contract", (p, c) => p.Contract == ContractKind.OnCall ? 1 : 0),
        new("lks", "1 with loonkostensubsidie", (p, c) => Has(p, Instrument.Lks)),
        new("no_risk_polis", "1 with a no-riskpolis", (p, c) => Has(p, Instrument.NoRiskPolis)),
        new("jobcoach", "1 with a jobcoach", (p, c) => Has(p, Instrument.Jobcoach)),
        new("proefplaatsing", "1 when it started as a proefplaatsing", (p, c) => Has(p, Instrument.Proefplaatsing)),
        new("leerwerk", "1 with a leerwerk arrangement", (p, c) => Has(p, Instrument.Leerwerk) == 1 || p.RouteId is not null ? 1 : 0),
        new("route_completed", "1 when the route was completed, 0 when not or none, 0.5 while it runs", (p, c) =>
            p.RouteId is null ? 0 : p.RouteCompleted switch { true => 1, false => 0, null => 0.5 }),
    ];

    /// <summary>Feature names in vector order; saved with the model.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(f => f.Name).ToArray();

    /// <summary>Meaning of each feature, by name.</summary>
    public static IReadOnlyDictionary<string, string> Meanings { get; } = All.ToDictionary(f => f.Name, f => f.Meaning);

    /// <summary>The feature vector of <paramref name="placement"/> of <paramref name="candidate"/>.</summary>
    public static double[] Of(Placement placement, Candidate candidate)
    {
        var v = new double[All.Length];
        for (var i = 0; i < All.Length; i++) v[i] = All[i].Compute(placement, candidate);
        return v;
    }

    /// <summary>Age band at <paramref name="day"/> (0 &lt;25, 1 25–35, 2 35–45, 3 45–55, 4 55+); 2 when the birth year is unknown.</summary>
    public static int AgeBand(Candidate candidate, DateOnly day)
    {
        if (candidate.BirthYear is not { } year) return 2;
        var age = day.Year - year;
        return age < 25 ? 0 : age < 35 ? 1 : age < 45 ? 2 : age < 55 ? 3 : 4;
    }

    private static int Has(Placement p, Instrument i) => p.Instruments.Contains(i) ? 1 : 0;

    private sealed record Feature(string Name, string Meaning, Func<Placement, Candidate, double> Compute);
}
