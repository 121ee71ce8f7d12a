using MatchEngine.Api.Security;
using MatchEngine.Engine;
using MatchEngine.Engine.Access;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Risk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace MatchEngine.Api.WebConsole.Pages.Nazorg;

/// <summary>
/// The jobcoach's (consulent's) nazorg worklist for a region and capacity, as <c>Risk.NazorgWorklist</c> gives it, with
/// each placement's herinstroom risk at 6, 12 and 24 months (<c>Risk.ScoreHerinstroom</c>) and the factors behind it.
/// </summary>
[Authorize(Roles = Roles.Nazorg)]
public sealed class NazorgModel(RiskReads reads, AccessPolicy policy, DataToday today) : ConsolePage
{
    public const int DefaultCapacity = RiskReads.DefaultCapacity;

    /// <summary>The most placements one worklist holds.</summary>
    public const int MaxCapacity = 200;

    /// <summary>The label of the capacity field, named in a refusal.</summary>
    public const string CapacityLabel = "Capaciteit";

    public override string Title => "Nazorg";

    public override IReadOnlyDictionary<string, string> FieldLabels { get; } = new Dictionary<string, string> { ["region"] = "Regio" };

    [BindProperty(Name = "regio", SupportsGet = true)]
    public string? Regio { get; set; }

    /// <summary>The capacity as typed (kept on the page when refused).</summary>
    [BindProperty(Name = "capaciteit", SupportsGet = true)]
    public string? Capaciteit { get; set; } = DefaultCapacity.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [BindProperty(Name = "pagina", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<string> RegionChoices { get; private set; } = [];

    /// <summary>The placements within capacity, before paging.</summary>
    public int Total { get; private set; }

    public int Pages { get; private set; } = 1;

    public DateOnly Day { get; private set; }

    public IReadOnlyList<(NazorgEntry Entry, HerinstroomScore Score)>? Rows { get; private set; }

    public async Task OnGetAsync()
    {
        RegionChoices = [.. CallerClaims.Of(User).Regions.Order(StringComparer.Ordinal)];
        Regio ??= RegionChoices.FirstOrDefault();
        if (string.IsNullOrWhiteSpace(Regio)) return;
        Day = today.Date;
        int capacity;
        try
        {
            capacity = ConsoleInput.Whole(Capaciteit, CapacityLabel, 1, MaxCapacity) ?? DefaultCapacity;
        }
        catch (InvalidRequestException invalid)
        {
            Refuse(invalid);
            return;
        }
        var entries = await reads.NazorgWorklistAsync(Scope(policy), Regio, Day, capacity);
        var page = Paging<NazorgEntry>.Of(entries, PageNumber);
        (Total, Pages, PageNumber) = (page.Total, page.Pages, page.Page);
        // Only the placements shown are scored (and so read and audited).
        var rows = new List<(NazorgEntry, HerinstroomScore)>();
        foreach (var e in page.Items) rows.Add((e, await reads.ScoreAsync(Scope(policy), e.PlacementId)));
        Rows = rows;
    }

    public string Link(int page) => $"/nazorg?regio={Uri.EscapeDataString(Regio ?? "")}&capaciteit={Uri.EscapeDataString(Capaciteit ?? "")}&pagina={page}";
}
