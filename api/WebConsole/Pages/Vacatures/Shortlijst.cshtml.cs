using MatchEngine.Api.Security;
using MatchEngine.Engine;
using MatchEngine.Engine.Access;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Matching;
using MatchEngine.Engine.Store;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace MatchEngine.Api.WebConsole.Pages.Vacatures;

/// <summary>
/// A vacancy's shortlist, as <c>Match.Shortlist</c> gives it to the same user: chance, reasons and gaps, filters, and
/// the outcome buttons that record what happened through the feedback loop (<see cref="OutcomeWrites.RecordAsync"/>).
/// Page n shows places (n-1)·20+1 to n·20 of a shortlist of n·20.
/// </summary>
[Authorize(Roles = Roles.SeeCandidates)]
public sealed class ShortlijstModel(CatalogService catalog, MatchingReads reads, OutcomeWrites outcomes, AccessPolicy policy) : ConsolePage
{
    /// <summary>The deepest page: a shortlist of 10 pages of candidates.</summary>
    public const int MaxPages = 10;

    public override string Title => Vacancy is { } v ? $"Shortlijst voor {v.Title}" : "Shortlijst";

    protected override string? AddressNames => "vacature";

    public override IReadOnlyDictionary<string, string> FieldLabels { get; } = new Dictionary<string, string>
    {
        ["max_km"] = KmLabel, ["position"] = "Plaats", ["candidate_id"] = "Kandidaat", ["uitkomst"] = "Uitkomst", ["region"] = "Regio", ["regions"] = "Regio",
    };

    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    [BindProperty(Name = "regio", SupportsGet = true)]
    public string? Regio { get; set; }

    /// <summary>The maximum distance as typed (kept on the page when refused); a decimal comma or point.</summary>
    [BindProperty(Name = "km", SupportsGet = true)]
    public string? Km { get; set; }

    /// <summary>The label of the distance field, named in a refusal.</summary>
    public const string KmLabel = "Maximale afstand in km";

    /// <summary>The greatest maximum distance, as the shortlist's filter takes it (<see cref="ShortlistFilters.MaxKm"/>).</summary>
    public const double MaxKm = 1000;

    [BindProperty(Name = "uren", SupportsGet = true)]
    public bool Uren { get; set; }

    [BindProperty(Name = "diensten", SupportsGet = true)]
    public bool Diensten { get; set; }

    /// <summary>Leave out candidates at work on the data's date (<see cref="ShortlistFilters.ExcludeWorking"/>).</summary>
    [BindProperty(Name = "zonderwerk", SupportsGet = true)]
    public bool ZonderWerk { get; set; }

    /// <summary>The protected attribute whose groups fair re-ranking gives their share of the top (empty: off).</summary>
    [BindProperty(Name = "eerlijk", SupportsGet = true)]
    public string? Eerlijk { get; set; }

    /// <summary>The attributes fair re-ranking takes, with their Dutch names.</summary>
    public static IReadOnlyList<(string Attribute, string Name)> FairChoices { get; } =
        [("age_band", "leeftijdsgroep"), ("gender", "geslacht"), ("migration_background", "migratieachtergrond")];

    [BindProperty(Name = "pagina", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    /// <summary>The confirmation of the outcome this user's last post recorded (TempData: shown once, never read from the address).</summary>
    [TempData(Key = "shortlijst-vastgelegd")]
    public string? Recorded { get; set; }

    public Vacancy? Vacancy { get; private set; }

    public string Employer { get; private set; } = "";

    public Shortlist? Shortlist { get; private set; }

    public IReadOnlyList<(int Position, ShortlistEntry Entry)> Rows { get; private set; } = [];

    public int Pages { get; private set; } = 1;

    public IReadOnlyList<string> RegionChoices { get; private set; } = [];

    public bool MayRecord => HoldsOneOf(Roles.RecordOutcomes);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Vacancy = catalog.Store.GetVacancy(Id) ?? throw new RecordNotFoundException(EntityKind.Vacancy, Id);
        Employer = catalog.Store.EmployerName(Vacancy.EmployerId);
        RegionChoices = [.. CallerClaims.Of(User).Regions.Order(StringComparer.Ordinal)];
        PageNumber = Math.Clamp(PageNumber, 1, MaxPages);
        var size = Paging<ShortlistEntry>.DefaultPageSize;
        var fair = FairChoices.Any(c => c.Attribute == Eerlijk) ? new FairExposure(Eerlijk!) : null;
        double? km;
        try
        {
            km = ConsoleInput.Number(Km, KmLabel, 1, MaxKm);
        }
        catch (InvalidRequestException invalid)
        {
            Refuse(invalid);
            return;
        }
        var filters = new ShortlistFilters { StrictHours = Uren, StrictShifts = Diensten, MaxKm = km, ExcludeWorking = ZonderWerk, FairExposure = fair };
        Shortlist = await reads.ShortlistAsync(Scope(policy), Id, PageNumber * size, filters, string.IsNullOrEmpty(Regio) ? null : Regio, cancellationToken);
        Rows = [.. Shortlist.Candidates.Select((c, i) => (i + 1, c)).Skip((PageNumber - 1) * size)];
        // Every candidate retrieved (past the filters and regions) has a place on a long enough list, so the pages are known.
        Pages = Math.Clamp((Shortlist.Retrieved + size - 1) / size, 1, MaxPages);
    }

    /// <summary>
    /// Records an outcome, then shows the same page of the same filtered list (the form carries them) with a confirmation of
    /// what was recorded. A refusal is shown on the whole page, list and filters included.
    /// </summary>
    public async Task<IActionResult> OnPostUitkomstAsync(string kandidaat, int? plaats, string uitkomst, CancellationToken cancellationToken)
    {
        if (!MayRecord) return Forbid();
        try
        {
            var stage = Outcomes.StageOf(uitkomst) ?? throw new InvalidRequestException("uitkomst", "moet voorgesteld, uitgenodigd, aangenomen of afgewezen zijn");
            await outcomes.RecordAsync(Scope(policy), Id, kandidaat, stage, plaats);
        }
        catch (Exception e) when (ConsoleErrors.Known(e) is not null)
        {
            await ShowAfterFailureAsync(cancellationToken);
            throw;
        }
        Recorded = $"Uitkomst '{uitkomst}' vastgelegd voor kandidaat {kandidaat}; de volgende training leert ervan.";
        return LocalRedirect(Link(PageNumber));
    }

    /// <summary>Fills the page after a refused post; when that fails too, the refusal alone is shown.</summary>
    private async Task ShowAfterFailureAsync(CancellationToken cancellationToken)
    {
        try
        {
            await OnGetAsync(cancellationToken);
        }
        catch (Exception e) when (ConsoleErrors.Known(e) is not null)
        {
        }
    }

    public string Link(int page) => $"/vacatures/{Uri.EscapeDataString(Id)}/shortlijst"
        + QueryString.Create(Filters(page).Where(f => f.Value.Length > 0).Select(f => new KeyValuePair<string, string?>(f.Key, f.Value)));

    /// <summary>The filters and page of this list, as its address and the outcome forms carry them.</summary>
    public IDictionary<string, string> Filters(int page) => new Dictionary<string, string>
    {
        ["regio"] = Regio ?? "", ["km"] = Km?.Trim() ?? "", ["uren"] = Uren ? "true" : "", ["diensten"] = Diensten ? "true" : "",
        ["zonderwerk"] = ZonderWerk ? "true" : "", ["eerlijk"] = Eerlijk ?? "", ["pagina"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
