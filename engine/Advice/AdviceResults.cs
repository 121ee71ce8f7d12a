using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Advice;

/// <summary>Where a candidate stands for a vacancy: the calibrated chance (null without a calibration), the raw score, and the place among the vacancy's whole pool.</summary>
public sealed record Standing(double? Chance, double Score, int Place, int PoolSize);

/// <summary>
/// The effect of one or more steps taken together for one vacancy: where the candidate would stand, and what the steps
/// cost in weeks (one after another) and euros. <see cref="Success"/> is the leerwerk model's chance that the main route
/// succeeds (null without routes or a trained model).
/// </summary>
public sealed record StepsEffect(IReadOnlyList<AdviceStep> Steps, Standing After, double? ChanceGain, double ScoreGain, int Weeks, decimal CostEur, double? Success)
{
    /// <summary>The steps in Dutch, joined by " + ".</summary>
    public string Label => string.Join(" + ", Steps.Select(s => s.Label));
}

/// <summary>
/// "Wat helpt?" for a candidate and a vacancy: where they stand now, every attainable step that raises their standing
/// (most gain first) and the best combinations of two. <see cref="ModelVersion"/> is the ranker that scored them.
/// </summary>
public sealed record VacancyAdvice(string CandidateId, string VacancyId, string ModelVersion, Standing Before, IReadOnlyList<StepsEffect> Steps,
    IReadOnlyList<StepsEffect> Combinations)
{
    /// <summary>What the numbers are, in one plain Dutch sentence.</summary>
    public string Caveat => AdviceService.Caveat;
}

/// <summary>One option of a development plan: the steps, and how many open vacancies it brings the candidate into the top 10 of.</summary>
public sealed record PlanOption(IReadOnlyList<AdviceStep> Steps, int TopTenVacancies, int Weeks, decimal CostEur)
{
    /// <summary>The steps in Dutch, joined by " + " ("geen stap" for none).</summary>
    public string Label => Steps.Count == 0 ? "geen stap" : string.Join(" + ", Steps.Select(s => s.Label));
}

/// <summary>
/// A candidate's development plan across the region: the open vacancies within twice their reach where they are in the
/// top 10 now, the single step and the two-step plan that put them in the top 10 of the most (null when no two steps
/// together reach more vacancies than the best single step).
/// </summary>
public sealed record DevelopmentPlan(string CandidateId, string ModelVersion, DateOnly AsOf, int VacanciesConsidered, PlanOption Now,
    IReadOnlyList<PlanOption> SingleSteps, PlanOption? BestTwoSteps)
{
    /// <summary>The plan in one Dutch line, e.g. "met VCA halen + heftruck leren: 14 vacatures in de top 10 in plaats van 2".</summary>
    public string Summary
    {
        get
        {
            var best = BestTwoSteps is { } two && two.TopTenVacancies > (SingleSteps.FirstOrDefault()?.TopTenVacancies ?? 0) ? two : SingleSteps.FirstOrDefault();
            return best is null || best.TopTenVacancies <= Now.TopTenVacancies
                ? $"geen stap brengt meer vacatures in de top 10 (nu {Now.TopTenVacancies})"
                : $"met {best.Label}: {Dutch.Count(best.TopTenVacancies, "vacature", "vacatures")} in de top 10 in plaats van {Dutch.Whole(Now.TopTenVacancies)}";
        }
    }

    /// <summary>What the numbers are, in one plain Dutch sentence.</summary>
    public string Caveat => AdviceService.Caveat;
}

/// <summary>One line of the region's training needs: a route (key: its id) or transport support (key "transport"), how many candidates it would bring into the top 10 of at least one more open
/// vacancy, how many vacancies that concerns, and its cost through the catalogue.</summary>
public sealed record TrainingNeed(string Key, string Label, int Candidates, int Vacancies, int CandidateVacancyPairs, decimal CostPerCandidateEur, decimal TotalCostEur);
