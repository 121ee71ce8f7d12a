using MatchEngine.Engine.Access;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Store;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace MatchEngine.Api.WebConsole.Pages.Vacatures;

/// <summary>The accountmanager's vacancies: the open ones, newest first, or those a text search finds, best first; paged.</summary>
[Authorize(Roles = Roles.SeeCandidates)]
public sealed class VacaturesModel(CatalogService catalog, CatalogReads reads, AccessPolicy policy, DataToday today) : ConsolePage
{
    /// <summary>Search hits considered; beyond them a user refines the text.</summary>
    public const int MaxHits = 500;

    public override string Title => "Vacatures";

    public override IReadOnlyDictionary<string, string> FieldLabels { get; } = new Dictionary<string, string> { ["text"] = "Zoek in open vacatures" };

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(Name = "pagina", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public Paging<VacancyRow>? List { get; private set; }

    public string Summary { get; private set; } = "";

    public async Task OnGetAsync()
    {
        var day = today.Date;
        IReadOnlyList<Vacancy> vacancies;
        if (string.IsNullOrWhiteSpace(Q))
        {
            vacancies = [.. catalog.Store.Vacancies().Where(v => v.IsOpenOn(day)).OrderByDescending(v => v.PostedAt).ThenBy(v => v.Id, StringComparer.Ordinal)];
            Summary = $"{Dutch.Count(vacancies.Count, "open vacature", "open vacatures")} op {Dutch.Date(day)}, nieuwste eerst.";
        }
        else
        {
            var hits = await reads.SearchAsync(Scope(policy), new SearchSpec(EntityKind.Vacancy, Q.Trim(), [], null, null, null, null, day, MaxHits), null);
            vacancies = [.. hits.Select(h => catalog.Store.GetVacancy(h.Id)).OfType<Vacancy>()];
            Summary = vacancies.Count == 0
                ? $"Geen open vacature gevonden voor '{Q.Trim()}'. Probeer een ander of korter woord, zoals een beroep, een vaardigheid of een werkgever, "
                  + "of maak het zoekveld leeg voor alle open vacatures."
                : $"{Dutch.Count(vacancies.Count, "open vacature", "open vacatures")} gevonden voor '{Q.Trim()}', best passend eerst.";
        }
        var page = Paging<Vacancy>.Of(vacancies, PageNumber);
        List = new Paging<VacancyRow>([.. page.Items.Select(v => new VacancyRow(v, catalog.Store.EmployerName(v.EmployerId)))],
            page.Page, page.PageSize, page.Total);
    }

    public string Link(int page) => $"/vacatures?q={Uri.EscapeDataString(Q ?? "")}&pagina={page}";

    public sealed record VacancyRow(Vacancy Vacancy, string Employer);
}
