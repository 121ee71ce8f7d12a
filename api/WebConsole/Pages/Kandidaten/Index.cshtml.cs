using MatchEngine.Engine.Access;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace MatchEngine.Api.WebConsole.Pages.Kandidaten;

/// <summary>
/// Candidates found by a text search (skills, occupations, certificates, profile), best first, in the user's regions as
/// <c>Catalog.Search</c> gives them: consenting candidates only, the search audited with the candidates it found (nothing
/// of its text). No list without a search: a user looks for someone for a purpose.
/// </summary>
[Authorize(Roles = Roles.SeeCandidates)]
public sealed class KandidatenModel(CatalogService catalog, CatalogReads reads, AccessPolicy policy, DataToday today) : ConsolePage
{
    /// <summary>Search hits considered; beyond them a user refines the text.</summary>
    public const int MaxHits = 200;

    public override string Title => "Kandidaten";

    public override IReadOnlyDictionary<string, string> FieldLabels { get; } = new Dictionary<string, string> { ["text"] = "Zoek kandidaten in uw regio's" };

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(Name = "pagina", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public Paging<CandidateRow>? List { get; private set; }

    public string Summary { get; private set; } = "Zoek op vaardigheid, beroep of certificaat, bijvoorbeeld 'heftruck' of 'schoonmaak'.";

    public async Task OnGetAsync()
    {
        if (string.IsNullOrWhiteSpace(Q)) return;
        var text = Q.Trim();
        var hits = await reads.SearchAsync(Scope(policy), new SearchSpec(EntityKind.Candidate, text, [], null, null, null, null, null, MaxHits), null);
        var jobs = today.Jobs;
        var page = Paging<string>.Of([.. hits.Select(h => h.Id)], PageNumber);
        List = new Paging<CandidateRow>([.. page.Items.Select(id => catalog.Store.GetCandidate(id)).OfType<Candidate>().Select(c => new CandidateRow(c, jobs.Of(c.Id)))],
            page.Page, page.PageSize, page.Total);
        Summary = page.Total == 0
            ? $"Geen kandidaat met toestemming in uw regio's gevonden voor '{text}'. Probeer een ander of korter woord, zoals een vaardigheid, "
              + "een beroep of een certificaat ('heftruck', 'schoonmaak')."
            : page.Total < MaxHits
            ? $"{Dutch.Count(page.Total, "kandidaat", "kandidaten")} gevonden voor '{text}', best passend eerst."
            : $"De {Dutch.Whole(MaxHits)} best passende kandidaten voor '{text}', best passend eerst; maak de zoekterm specifieker voor de rest.";
    }

    public string Link(int page) => $"/kandidaten?q={Uri.EscapeDataString(Q ?? "")}&pagina={page}";

    /// <summary>One found candidate, with the job they hold on the data's date (null: none).</summary>
    public sealed record CandidateRow(Candidate Candidate, CurrentJob? Job);
}
