using MatchEngine.Engine.Advice;

namespace MatchEngine.Engine.Access;

/// <summary>"Wat helpt?" through the policy layer: advice and development plans for candidates the caller may see, and the training needs of a region inside the caller's, each audited.
/// Thread-safe.</summary>
public sealed class AdviceReads(AdviceService advice)
{
    /// <summary>Which steps would raise a visible candidate's standing for a vacancy.</summary>
    public async Task<VacancyAdvice> WhatHelpsAsync(CallerScope scope, string candidateId, string vacancyId)
    {
        ArgumentNullException.ThrowIfNull(scope);
        scope.Candidate(candidateId);
        var result = advice.WhatHelps(candidateId, RequiredId.Of(vacancyId, "vacancy_id"));
        await scope.RecordAsync(AuditPurposes.Advice, [candidateId], vacancyId);
        return result;
    }

    /// <summary>A visible candidate's development plan across the open vacancies within twice their reach.</summary>
    public async Task<DevelopmentPlan> PlanAsync(CallerScope scope, string candidateId, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(scope);
        scope.Candidate(candidateId);
        var plan = advice.Plan(candidateId, asOf);
        await scope.RecordAsync(AuditPurposes.DevelopmentPlan, [candidateId]);
        return plan;
    }

    /// <summary>
    /// The training needs of <paramref name="region"/>, which must be inside the caller's regions: counts and costs only,
    /// no candidate is named. Audited with the region as subject.
    /// </summary>
    public async Task<IReadOnlyList<TrainingNeed>> TrainingNeedsAsync(CallerScope scope, string region, DateOnly asOf, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (string.IsNullOrEmpty(region)) throw new InvalidRequestException("region", "geef de regio waarvan de opleidingsbehoefte geteld moet worden");
        scope.Regions(region);
        var needs = advice.TrainingNeeds(region, asOf, cancel);
        await scope.RecordAsync(AuditPurposes.TrainingNeeds, [], region);
        return needs;
    }
}
