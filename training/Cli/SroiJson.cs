using MatchEngine.Engine.Sroi;

namespace MatchEngine.Training.Cli;

/// <summary>The CLI's JSON shape of SROI answers: euros as numbers in cents (the engine's amounts already are, <see cref="SroiRounding"/>).</summary>
internal static class SroiJson
{
    public static decimal Cents(decimal euros) => SroiRounding.Cents(euros);

    public static object Valuation(SroiValuation v) => new
    {
        block = v.Block, rate_per_fte_year_eur = Cents(v.RatePerFteYearEur), hours_per_week = v.HoursPerWeek, fte = Math.Round(v.Fte, 6), days = v.Days, value_eur = Cents(v.ValueEur),
    };

    public static object Progress(ContractProgress p, bool withPlacements) => new
    {
        contract_id = p.Contract.Id,
        employer_id = p.Contract.EmployerId,
        description = p.Contract.Description,
        start = p.Contract.Start,
        end = p.Contract.End,
        as_of = p.AsOf,
        ended = p.Ended,
        contract_value_eur = Cents(p.Contract.ContractValueEur),
        obligation_pct = p.Contract.ObligationPct,
        obligation_eur = Cents(p.ObligationEur),
        realised_eur = Cents(p.RealisedEur),
        open_eur = Cents(p.OpenEur),
        contract_days = p.ContractDays,
        elapsed_days = p.ElapsedDays,
        remaining_days = p.RemainingDays,
        pace_per_day_eur = SroiRounding.Rate(p.PacePerDayEur),
        committed_eur = Cents(p.CommittedEur),
        projected_at_pace_eur = Cents(p.ProjectedAtPaceEur),
        projected_eur = Cents(p.ProjectedEur),
        at_risk = p.AtRisk,
        at_risk_eur = Cents(p.AtRiskEur),
        placement_count = p.Placements.Count + p.Withheld.Count,
        withheld = new { count = p.Withheld.Count, realised_eur = Cents(p.Withheld.RealisedEur), committed_eur = Cents(p.Withheld.CommittedEur) },
        placements = withPlacements
            ? p.Placements.Select(x => new
            {
                placement_id = x.PlacementId, vacancy_id = x.VacancyId, rule = x.Rule, also_eligible = x.AlsoEligible, start = x.Start,
                last_day_worked = x.LastDayWorked, running = x.Running, counted_from = x.CountedFrom, counted_to = x.CountedTo,
                realised = Valuation(x.Realised), committed = Valuation(x.Committed),
            }).ToArray()
            : null,
    };
}
