using MatchEngine.Api.Security;
using MatchEngine.Engine;
using MatchEngine.Engine.Access;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Matching;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace MatchEngine.Api.WebConsole.Pages.Vacatures;

/// <summary>
/// A vacancy's shortlist, as <c>Match.Shortlist</c> gives it to the same user: chance, reasons and gaps, filters, and
/// the outcome buttons that record what happened through the feedback loop (<see cref="MatchingReads.RecordOutcomeAsync"/>).
/// Page n shows places (n-1)·20+1 to n·20 of a shortlist of n·20.
/// </summary>
[Authorize(Roles = Roles.SeeCandidates)]
public sealed class ShortlijstModel(CatalogService catalog, MatchingReads reads, AccessPolicy policy) : ConsolePage
{
    /// <summary>The deepest page: a shortlist of 10 pages of candidates.</summary>
    public const int MaxPages = 10;

    public override string Title => Vacancy is { } v ? $"Shortlist voor {v.Title}" : "Shortlist";

    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    [BindProperty(Name = "regio", SupportsGet = true)]
    public string? Regio { get; set; }

    [BindProperty(Name = "km", SupportsGet = true)]
    public double? Km { get; set; }

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

    [BindProperty(Name = "vastgelegd", SupportsGet = true)]
    public string? RecordedWord { get; set; }

    [BindProperty(Name = "voor", SupportsGet = true)]
    public string? RecordedFor { get; set; }

    public Vacancy? Vacancy { get; private set; }

    public string Employer { get; private set; } = "";

    public Shortlist? Shortlist { get; private set; }

    public IReadOnlyList<(int Position, ShortlistEntry Entry)> Rows { get; private set; } = [];

    public int Pages { get; private set; } = 1;

    public IReadOnlyList<string> RegionChoices { get; private set; } = [];

    public bool MayRecord => HoldsOneOf(Roles.RecordOutcomes);

    public string? Recorded => Outcomes.StageOf(RecordedWord) is not null && RecordedFor is { Length: > 0 }
        ? $"Uitkomst '{RecordedWord}' vastgelegd voor kandidaat {RecordedFor}; de volgende training leert ervan."
        : null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Vacancy = catalog.Store.GetVacancy(Id) ?? throw new RecordNotFoundException(EntityKind.Vacancy, Id);
        Employer = catalog.Store.GetEmployer(Vacancy.EmployerId)?.Name ?? Vacancy.EmployerId;
        RegionChoices = [.. CallerClaims.Of(User).Regions.Order(StringComparer.Ordinal)];
        PageNumber = Math.Clamp(PageNumber, 1, MaxPages);
        var size = Paging<ShortlistEntry>.DefaultPageSize;
        var fair = FairChoices.Any(c => c.Attribute == Eerlijk) ? new FairExposure(Eerlijk!) : null;
        var filters = new ShortlistFilters { StrictHours = Uren, StrictShifts = Diensten, MaxKm = Km, ExcludeWorking = ZonderWerk, FairExposure = fair };
        Shortlist = await reads.ShortlistAsync(Scope(policy), Id, PageNumber * size, filters, string.IsNullOrEmpty(Regio) ? null : Regio, cancellationToken);
        Rows = [.. Shortlist.Candidates.Select((c, i) => (i + 1, c)).Skip((PageNumber - 1) * size)];
        Pages = Math.Min(MaxPages, PageNumber + (Shortlist.Candidates.Count == PageNumber * size ? 1 : 0));
    }

    public async Task<IActionResult> OnPostUitkomstAsync(string kandidaat, int? plaats, string uitkomst)
    {
        if (!MayRecord) return Forbid();
        var stage = Outcomes.StageOf(uitkomst) ?? throw new InvalidRequestException("uitkomst", "moet voorgesteld, uitgenodigd, aangenomen of afgewezen zijn");
        await reads.RecordOutcomeAsync(Scope(policy), Id, kandidaat, stage, plaats);
        return LocalRedirect($"/vacatures/{Uri.EscapeDataString(Id)}/shortlijst?vastgelegd={uitkomst}&voor={Uri.EscapeDataString(kandidaat)}");
    }

    public string Link(int page) =>
        ($"/vacatures/{Uri.EscapeDataString(Id)}/shortlijst?regio={Uri.EscapeDataString(Regio ?? "")}&km={Km}&uren={Uren}&diensten={Diensten}&zonderwerk={ZonderWerk}"
         + $"&eerlijk={Uri.EscapeDataString(Eerlijk ?? "")}&pagina={page}").Replace("&km=&", "&", StringComparison.Ordinal);
}
