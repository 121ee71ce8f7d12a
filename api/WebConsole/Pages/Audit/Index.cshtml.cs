using MatchEngine.Api.Security;
using MatchEngine.Engine.Access;
using MatchEngine.Engine.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace MatchEngine.Api.WebConsole.Pages.Audit;

/// <summary>
/// The privacy officer's (admin's) audit trail, by candidate or by user, as <c>Audit.Query</c> gives it: every entry, counted in
/// full and paged, so an access request is answered completely.
/// </summary>
[Authorize(Roles = Roles.Admin)]
public sealed class AuditModel(IAuditLog log, AccessPolicy policy) : ConsolePage
{
    /// <summary>Entries shown per page; the pages run through every entry of the candidate or user, newest first.</summary>
    public const int PageSize = 50;

    public override string Title => "Audittrail";

    [BindProperty(Name = "kandidaat", SupportsGet = true)]
    public string? Kandidaat { get; set; }

    [BindProperty(Name = "gebruiker", SupportsGet = true)]
    public string? Gebruiker { get; set; }

    [BindProperty(Name = "pagina", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public Paging<AuditEntry>? List { get; private set; }

    public void OnGet()
    {
        Scope(policy).EnsureAllRegions("de audittrail");
        if (string.IsNullOrWhiteSpace(Kandidaat) && string.IsNullOrWhiteSpace(Gebruiker)) return;
        var query = AuditTrailQuery.For(string.IsNullOrWhiteSpace(Kandidaat) ? null : Kandidaat.Trim(),
            string.IsNullOrWhiteSpace(Kandidaat) ? Gebruiker!.Trim() : null, PageSize);
        var total = query.Count(log);
        var page = Math.Clamp(PageNumber, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        List = new Paging<AuditEntry>(query.Run(log, (page - 1) * PageSize), page, PageSize, total);
    }

    public string Link(int page) => $"/audit?kandidaat={Uri.EscapeDataString(Kandidaat ?? "")}&gebruiker={Uri.EscapeDataString(Gebruiker ?? "")}&pagina={page}";
}
