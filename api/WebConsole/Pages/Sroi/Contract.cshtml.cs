using MatchEngine.Engine;
using MatchEngine.Engine.Access;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Sroi;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace MatchEngine.Api.WebConsole.Pages.Sroi;

/// <summary>
/// A contract's page: obligation, realised amount with its arithmetic (every total the sum of the lines shown plus the
/// withheld sum), the placements, suggestions that would close the gap, and a button that claims a placement.
/// </summary>
[Authorize(Roles = Roles.Sroi)]
public sealed class SroiContractModel(SroiReads reads, CatalogService catalog, AccessPolicy policy, DataToday today) : ConsolePage
{
    /// <summary>Opportunities suggested on the page.</summary>
    public const int Suggested = 5;

    public override string Title => $"SROI-contract {Id}";

    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    [BindProperty(Name = "toegerekend", SupportsGet = true)]
    public string? ClaimedPlacement { get; set; }

    [BindProperty(Name = "pagina", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public ContractProgress? Progress { get; private set; }

    /// <summary>The page of the placements that count, shown under the contract's sums (which count them all).</summary>
    public Paging<CountedPlacement>? Placements { get; private set; }

    public string Link(int page) => $"/sroi/{Uri.EscapeDataString(Id)}?pagina={page}";

    public Section<PlacementSuggestions>? Suggestions { get; private set; }

    public string Employer { get; private set; } = "";

    public string? Claimed => ClaimedPlacement is { Length: > 0 } p ? $"Plaatsing {p} telt mee voor contract {Id}." : null;

    public async Task OnGetAsync()
    {
        var day = today.Date;
        Progress = await reads.ProgressAsync(Scope(policy), Id, day);
        Placements = Paging<CountedPlacement>.Of(Progress.Placements, PageNumber);
        Employer = catalog.Store.GetEmployer(Progress.Contract.EmployerId)?.Name ?? Progress.Contract.EmployerId;
        Suggestions = await Section<PlacementSuggestions>.LoadAsync(() => reads.FindPlacementsAsync(Scope(policy), Id, day, Suggested));
    }

    public async Task<IActionResult> OnPostToerekenenAsync(string plaatsing)
    {
        try
        {
            await reads.ClaimAsync(Scope(policy), Id, plaatsing?.Trim() ?? "");
        }
        catch (PreconditionFailedException e)
        {
            await OnGetAsync();
            Error = $"Plaatsing {plaatsing} is niet toegerekend: {e.Message}.";
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        return LocalRedirect($"/sroi/{Uri.EscapeDataString(Id)}?toegerekend={Uri.EscapeDataString(plaatsing!.Trim())}");
    }
}
