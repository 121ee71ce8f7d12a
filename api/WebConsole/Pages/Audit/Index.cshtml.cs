using MatchEngine.Api.Security;
using MatchEngine.Engine.Access;
using MatchEngine.Engine.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace MatchEngine.Api.WebConsole.Pages.Audit;

/// <summary>The privacy officer's (admin's) audit trail, by candidate or by user, as <c>Audit.Query</c> gives it; paged.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class AuditModel(IAuditLog log, AccessPolicy policy) : ConsolePage
{
    /// <summary>Entries read per query; the newest first.</summary>
    public const int Limit = 1000;

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
        if (string.IsNullOrWhiteSpace(Kandidaat) && string.IsNullOrWhiteSpace(Gebruiker)) return;
        Scope(policy).EnsureAllRegions("het auditspoor");
        var query = AuditTrailQuery.For(string.IsNullOrWhiteSpace(Kandidaat) ? null : Kandidaat.Trim(),
            string.IsNullOrWhiteSpace(Kandidaat) ? Gebruiker!.Trim() : null, Limit);
        List = Paging<AuditEntry>.Of(query.Run(log), PageNumber);
    }

    public string Link(int page) => $"/audit?kandidaat={Uri.EscapeDataString(Kandidaat ?? "")}&gebruiker={Uri.EscapeDataString(Gebruiker ?? "")}&pagina={page}";
}
