using MatchEngine.Api.Security;
using MatchEngine.Engine;
using MatchEngine.Engine.Access;
using MatchEngine.Engine.Advice;
using MatchEngine.Engine.Carving;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Leerwerk;
using MatchEngine.Engine.Store;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace MatchEngine.Api.WebConsole.Pages.Maatwerk;

/// <summary>
/// Maatwerk: jobcarving at an employer (the carved roles, the hours freed for skilled staff, each role's candidates),
/// as <c>Development.CarveJobs</c> gives it, a recruitment drive (<c>Development.ReadyWithin</c>) and the training needs of
/// one of the caller's regions (<c>Development.TrainingNeeds</c>): counts and costs only, no candidate named.
/// </summary>
[Authorize(Roles = Roles.SeeCandidates)]
public sealed class MaatwerkModel(MaatwerkReads reads, AdviceReads advice, CatalogService catalog, AccessPolicy policy, DataToday today) : ConsolePage
{
    /// <summary>Candidates suggested per carved role.</summary>
    public const int CandidatesPerRole = 3;

    public override string Title => "Maatwerk";

    public override IReadOnlyDictionary<string, string> FieldLabels { get; } = new Dictionary<string, string> { ["region"] = "Regio" };

    [BindProperty(Name = "werkgever", SupportsGet = true)]
    public string? Werkgever { get; set; }

    [BindProperty(Name = "vacatures", SupportsGet = true)]
    public string? Vacatures { get; set; }

    /// <summary>The months as typed (kept on the page when refused).</summary>
    [BindProperty(Name = "maanden", SupportsGet = true)]
    public string? Maanden { get; set; } = MaatwerkReads.DefaultReadyMonths.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The months the recruitment drive was asked for.</summary>
    public int Months { get; private set; }

    /// <summary>The label of the months field, named in a refusal.</summary>
    public const string MonthsLabel = "Binnen hoeveel maanden";

    /// <summary>The region whose training needs are asked for.</summary>
    [BindProperty(Name = "regio", SupportsGet = true)]
    public string? Regio { get; set; }

    public IReadOnlyList<(string Id, string Name)> Employers { get; private set; } = [];

    /// <summary>The caller's regions; empty for a caller not scoped to regions, who types one.</summary>
    public IReadOnlyList<string> RegionChoices { get; private set; } = [];

    public DateOnly Day { get; private set; }

    public IReadOnlyList<TrainingNeed>? Needs { get; private set; }

    public CarvingProposal? Carving { get; private set; }

    public IReadOnlyList<ReadyCandidate>? Ready { get; private set; }

    public async Task OnGetAsync()
    {
        var day = Day = today.Date;
        RegionChoices = [.. CallerClaims.Of(User).Regions.Order(StringComparer.Ordinal)];
        // Employers with the most open vacancies open to jobcarving first: the most tasks to carve roles from.
        Employers = [.. catalog.Store.Vacancies().Where(v => v.OpenToJobcarving && v.IsOpenOn(day))
            .GroupBy(v => v.EmployerId, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, $"{catalog.Store.EmployerName(g.Key)}, {Dutch.Count(g.Count(), "vacature", "vacatures")}"))];
        if (!string.IsNullOrWhiteSpace(Werkgever))
            Carving = await reads.CarveAsync(Scope(policy), null, Werkgever, null, day, CandidatesPerRole);
        var vacancies = (Vacatures ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (vacancies.Length > 0)
        {
            try
            {
                Months = ConsoleInput.Whole(Maanden, MonthsLabel, 1, LeerwerkService.MaxReadyMonths) ?? MaatwerkReads.DefaultReadyMonths;
                Ready = await reads.ReadyWithinAsync(Scope(policy), vacancies, Months, MaatwerkReads.DefaultReadyTop, null);
            }
            catch (InvalidRequestException invalid)
            {
                Refuse(invalid);
            }
        }
        if (!string.IsNullOrWhiteSpace(Regio)) Needs = await advice.TrainingNeedsAsync(Scope(policy), Regio.Trim(), day, HttpContext.RequestAborted);
    }
}
