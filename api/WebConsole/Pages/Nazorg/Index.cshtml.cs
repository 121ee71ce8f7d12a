using MatchEngine.Api.Security;
using MatchEngine.Engine.Access;
using MatchEngine.Engine.Risk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace MatchEngine.Api.WebConsole.Pages.Nazorg;

/// <summary>
/// The jobcoach's (consulent's) nazorg worklist for a region and capacity, as <c>Risk.NazorgWorklist</c> gives it, with
/// each placement's herinstroom risk at 6, 12 and 24 months (<c>Risk.ScoreHerinstroom</c>) and the factors behind it.
/// </summary>
[Authorize(Roles = Roles.Nazorg)]
public sealed class NazorgModel(RiskReads reads, AccessPolicy policy, ConsoleToday today) : ConsolePage
{
    public const int DefaultCapacity = 10;

    public override string Title => "Nazorg";

    [BindProperty(Name = "regio", SupportsGet = true)]
    public string? Regio { get; set; }

    [BindProperty(Name = "capaciteit", SupportsGet = true)]
    public int Capaciteit { get; set; } = DefaultCapacity;

    public IReadOnlyList<string> RegionChoices { get; private set; } = [];

    public DateOnly Day { get; private set; }

    public IReadOnlyList<(NazorgEntry Entry, HerinstroomScore Score)>? Rows { get; private set; }

    public async Task OnGetAsync()
    {
        RegionChoices = [.. CallerClaims.Of(User).Regions.Order(StringComparer.Ordinal)];
        Regio ??= RegionChoices.FirstOrDefault();
        if (string.IsNullOrWhiteSpace(Regio)) return;
        Day = today.Date;
        var entries = await reads.NazorgWorklistAsync(Scope(policy), Regio, Day, Math.Clamp(Capaciteit, 1, 200));
        var rows = new List<(NazorgEntry, HerinstroomScore)>();
        foreach (var e in entries) rows.Add((e, await reads.ScoreAsync(Scope(policy), e.PlacementId)));
        Rows = rows;
    }
}
