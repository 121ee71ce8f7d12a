using MatchEngine.Engine.Access;
using MatchEngine.Engine.Carving;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Leerwerk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace MatchEngine.Api.WebConsole.Pages.Maatwerk;

/// <summary>
/// Maatwerk: jobcarving at an employer (the carved roles, the hours freed for skilled staff, each role's candidates),
/// as <c>Development.CarveJobs</c> gives it, and a recruitment drive (<c>Development.ReadyWithin</c>).
/// </summary>
[Authorize(Roles = Roles.SeeCandidates)]
public sealed class MaatwerkModel(MaatwerkReads reads, CatalogService catalog, AccessPolicy policy, DataToday today) : ConsolePage
{
    /// <summary>Candidates suggested per carved role.</summary>
    public const int CandidatesPerRole = 3;

    public override string Title => "Maatwerk";

    [BindProperty(Name = "werkgever", SupportsGet = true)]
    public string? Werkgever { get; set; }

    [BindProperty(Name = "vacatures", SupportsGet = true)]
    public string? Vacatures { get; set; }

    [BindProperty(Name = "maanden", SupportsGet = true)]
    public int Maanden { get; set; } = MaatwerkReads.DefaultReadyMonths;

    public IReadOnlyList<(string Id, string Name)> Employers { get; private set; } = [];

    public CarvingProposal? Carving { get; private set; }

    public IReadOnlyList<ReadyCandidate>? Ready { get; private set; }

    public async Task OnGetAsync()
    {
        var day = today.Date;
        // Employers with the most open vacancies open to jobcarving first: the most tasks to carve roles from.
        Employers = [.. catalog.Store.Vacancies().Where(v => v.OpenToJobcarving && v.IsOpenOn(day))
            .GroupBy(v => v.EmployerId, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, $"{catalog.Store.GetEmployer(g.Key)?.Name ?? g.Key}, {Dutch.Count(g.Count(), "vacature", "vacatures")}"))];
        if (!string.IsNullOrWhiteSpace(Werkgever))
            Carving = await reads.CarveAsync(Scope(policy), null, Werkgever, null, day, CandidatesPerRole);
        var vacancies = (Vacatures ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (vacancies.Length > 0)
            Ready = await reads.ReadyWithinAsync(Scope(policy), vacancies, Math.Clamp(Maanden, 1, 24), MaatwerkReads.DefaultReadyTop, null);
    }
}
