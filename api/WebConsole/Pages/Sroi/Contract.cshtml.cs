using MatchEngine.Engine;
using MatchEngine.Engine.Access;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Sroi;
using MatchEngine.Engine.Store;
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

    /// <summary>The confirmation of the claim this user's last post made (TempData: shown once, never read from the address).</summary>
    [TempData(Key = "sroi-toegerekend")]
    public string? Claimed { get; set; }

    /// <summary>The placement typed into the claim form, kept on the page when the claim is refused.</summary>
    [BindProperty(Name = "plaatsing")]
    public string? Plaatsing { get; set; }

    /// <summary>The label of the claim form's field, named in a refusal.</summary>
    public const string PlacementLabel = "Plaatsing";

    protected override string? AddressNames => "SROI-contract";

    public override IReadOnlyDictionary<string, string> FieldLabels { get; } =
        new Dictionary<string, string> { ["placement_id"] = PlacementLabel, ["contract_id"] = "SROI-contract" };

    [BindProperty(Name = "pagina", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public ContractProgress? Progress { get; private set; }

    /// <summary>The page of the placements that count, shown under the contract's sums (which count them all).</summary>
    public Paging<CountedPlacement>? Placements { get; private set; }

    public string Link(int page) => $"/sroi/{Uri.EscapeDataString(Id)}?pagina={page}";

    public Section<PlacementSuggestions>? Suggestions { get; private set; }

    public string Employer { get; private set; } = "";

    public async Task OnGetAsync()
    {
        var day = today.Date;
        Progress = await reads.ProgressAsync(Scope(policy), Id, day);
        Placements = Paging<CountedPlacement>.Of(Progress.Placements, PageNumber);
        Employer = catalog.Store.EmployerName(Progress.Contract.EmployerId);
        Suggestions = await Section<PlacementSuggestions>.LoadAsync(() => reads.FindPlacementsAsync(Scope(policy), Id, day, Suggested));
    }

    /// <summary>
    /// Claims the placement typed in, then shows the contract with a confirmation. A refusal is shown on the whole page, the
    /// arithmetic and the form (with what was typed) included.
    /// </summary>
    public async Task<IActionResult> OnPostToerekenenAsync()
    {
        var placement = Plaatsing?.Trim() ?? "";
        try
        {
            await reads.ClaimAsync(Scope(policy), Id, placement);
        }
        catch (Exception e) when (ConsoleErrors.Known(e, FieldLabels) is { } known)
        {
            try
            {
                await OnGetAsync();
            }
            catch (Exception shown) when (ConsoleErrors.Known(shown) is not null)
            {
                // The contract itself cannot be shown: the refusal of the claim says enough.
            }
            Error = e is PreconditionFailedException ? $"Plaatsing {placement} is niet toegerekend: {e.Message}." : known.Sentence;
            Response.StatusCode = known.Status;
            return Page();
        }
        Claimed = $"Plaatsing {placement} telt mee voor contract {Id}.";
        return LocalRedirect($"/sroi/{Uri.EscapeDataString(Id)}");
    }
}
