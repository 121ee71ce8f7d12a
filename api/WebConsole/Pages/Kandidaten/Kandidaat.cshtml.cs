using MatchEngine.Engine.Access;
using MatchEngine.Engine.Advice;
using MatchEngine.Engine.Carving;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Leerwerk;
using MatchEngine.Engine.Matching;
using MatchEngine.Engine.Store;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace MatchEngine.Api.WebConsole.Pages.Kandidaten;

/// <summary>
/// A candidate, consent-gated and minimised by the policy layer (a candidate without consent or outside the user's
/// regions is "not found"): the record, recommended vacancies, what would help for the best of them ("Wat helpt?"), a
/// leerwerk route and carved roles, each read audited.
/// </summary>
[Authorize(Roles = Roles.SeeCandidates)]
public sealed class KandidaatModel(CatalogReads catalog, MatchingReads matching, MaatwerkReads maatwerk, AdviceReads advice, AccessPolicy policy, DataToday today,
    CatalogService records) : ConsolePage
{
    public override string Title => Candidate is { } c ? $"Kandidaat {c.Id}" : "Kandidaat";

    protected override string? AddressNames => "kandidaat";

    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    public Candidate? Candidate { get; private set; }

    public Section<VacancyRecommendations> Vacancies { get; private set; } = new(null, null);

    public Section<LeerwerkAdvice> Routes { get; private set; } = new(null, null);

    public Section<IReadOnlyList<CarvedRole>> Carved { get; private set; } = new(null, null);

    public Section<VacancyAdvice> Advice { get; private set; } = new(null, null);

    /// <summary>An employer's name (no candidate's data), or its id when the catalog holds no name.</summary>
    public string EmployerName(string employerId) => records.Store.EmployerName(employerId);

    /// <summary>The title of a vacancy the page names, or null when the catalog does not hold it.</summary>
    public string? VacancyTitle(string vacancyId) => records.Store.GetVacancy(vacancyId)?.Title;

    /// <summary>Steps shown of the advice.</summary>
    public const int StepsShown = 3;

    /// <summary>Show the development plan across the region (<c>?plan=true</c>): it ranks the pool of every open vacancy within reach, so only when asked.</summary>
    [BindProperty(Name = "plan", SupportsGet = true)]
    public bool ShowPlan { get; set; }

    public Section<DevelopmentPlan>? Plan { get; private set; }

    /// <summary>Single steps shown of the development plan.</summary>
    public const int PlanStepsShown = 5;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Candidate = (Candidate)await catalog.GetAsync(Scope(policy), EntityKind.Candidate, Id);
        Vacancies = await Section<VacancyRecommendations>.LoadAsync(() => matching.RecommendAsync(Scope(policy), Id, MatchingReads.DefaultRecommendTop, cancellationToken));
        var best = Vacancies.Value?.Vacancies.FirstOrDefault()?.VacancyId;
        Advice = best is null
            ? new Section<VacancyAdvice>(null, "Er is geen aanbevolen vacature om advies voor te geven.")
            : await Section<VacancyAdvice>.LoadAsync(() => advice.WhatHelpsAsync(Scope(policy), Id, best));
        if (ShowPlan) Plan = await Section<DevelopmentPlan>.LoadAsync(() => advice.PlanAsync(Scope(policy), Id, today.Date));
        var sector = best is null ? Candidate.DesiredSectors.FirstOrDefault() : null;
        Routes = best is null && sector is null
            ? new Section<LeerwerkAdvice>(null, "Er is geen aanbevolen vacature en geen gewenste sector om een leerwerkroute voor te zoeken.")
            : await Section<LeerwerkAdvice>.LoadAsync(() => maatwerk.RoutesAsync(Scope(policy), Id, best, sector));
        Carved = await Section<IReadOnlyList<CarvedRole>>.LoadAsync(() => maatwerk.RolesForCandidateAsync(Scope(policy), Id, MaatwerkReads.DefaultRolesForCandidate, today.Date));
    }
}
