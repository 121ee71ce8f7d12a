using MatchEngine.Engine.Access;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Sroi;
using MatchEngine.Engine.Store;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace MatchEngine.Api.WebConsole.Pages.Sroi;

/// <summary>The SROI-makelaar's worklist: running contracts, most euros at risk first, as <c>Sroi.Worklist</c> gives them; paged.</summary>
[Authorize(Roles = Roles.Sroi)]
public sealed class SroiWorklistModel(SroiReads reads, CatalogService catalog, AccessPolicy policy, DataToday today) : ConsolePage
{
    public override string Title => "SROI-werklijst";

    [BindProperty(Name = "pagina", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public DateOnly Day { get; private set; }

    public Paging<WorklistEntry>? List { get; private set; }

    public async Task OnGetAsync()
    {
        Day = today.Date;
        List = Paging<WorklistEntry>.Of(await reads.WorklistAsync(Scope(policy), Day), PageNumber);
    }

    public string Link(int page) => $"/sroi?pagina={page}";

    public string EmployerName(string id) => catalog.Store.EmployerName(id);
}
