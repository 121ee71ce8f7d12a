using MatchEngine.Api.Security;
using MatchEngine.Engine;
using MatchEngine.Engine.Access;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Import;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace MatchEngine.Api.WebConsole.Pages.Catalogus;

/// <summary>
/// The admin's catalog writes, as <c>Catalog.Upsert</c> and <c>Catalog.Delete</c> do them over gRPC and <c>matchengine import</c> on
/// the command line: contract files uploaded and imported as a contract folder is (every line checked, the valid ones kept, each
/// rejected line named with its file, line, field and reason), and records deleted by kind and number (a candidate is erased with
/// their match events and placements).
/// </summary>
[Authorize(Roles = Roles.Admin)]
[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
// The anti-forgery token is checked by each handler once it has read the form (FormAsync), so that an upload over the limit is
// told so in a sentence: the automatic check reads the form first and answers a blank 400.
[IgnoreAntiforgeryToken]
public sealed class CatalogusModel(CatalogWrites writes, AccessPolicy policy, IAntiforgery antiforgery) : ConsolePage
{
    /// <summary>The most one upload may hold; a larger region is imported with <c>matchengine import</c>.</summary>
    public const long MaxUploadBytes = 100L * 1024 * 1024;

    /// <summary>The most records one deletion names.</summary>
    public const int MaxDeletions = 1_000;

    /// <summary>Rejected lines shown; the count says how many more there are.</summary>
    public const int ShownRejections = 200;

    public override string Title => "Catalogus";

    public override IReadOnlyDictionary<string, string> FieldLabels { get; } = new Dictionary<string, string>
    {
        ["bestanden"] = "Contractbestanden", ["soort"] = "Soort", ["nummers"] = "Nummers", ["zeker"] = "Bevestiging",
    };

    /// <summary>The import just done; null before one.</summary>
    public ImportResult? Imported { get; private set; }

    /// <summary>What the deletion just done deleted and did not find ("Verwijderd: 1 vacature (v1); niet gevonden: v2."); null before one.</summary>
    public string? Deleted { get; private set; }

    /// <summary>The kind chosen for a deletion, kept on the page.</summary>
    public string? Soort { get; private set; }

    /// <summary>The numbers typed for a deletion, kept on the page.</summary>
    public string? Nummers { get; private set; }

    /// <summary>The contract files an upload may hold, in import order.</summary>
    public static IReadOnlyList<string> ContractFiles { get; } = EntityKinds.ImportOrder.Select(k => k.FileName()).ToArray();

    public void OnGet() => Scope(policy).EnsureAllRegions(CatalogWrites.What);

    public async Task<IActionResult> OnPostImporterenAsync()
    {
        Scope(policy).EnsureAllRegions(CatalogWrites.What);
        if (await FormAsync() is not { } form) return Page();
        try
        {
            var files = ByKind(form.Files.GetFiles("bestanden"));
            Imported = await writes.ImportAsync(Scope(policy), files.ToDictionary(f => f.Key, f => (Func<Stream>)f.Value.OpenReadStream), HttpContext.RequestAborted);
        }
        catch (InvalidRequestException invalid)
        {
            Refuse(invalid);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostVerwijderenAsync()
    {
        Scope(policy).EnsureAllRegions(CatalogWrites.What);
        if (await FormAsync() is not { } form) return Page();
        (Soort, Nummers) = (form["soort"].ToString(), form["nummers"].ToString());
        try
        {
            var kind = KindOf(Soort);
            var ids = IdsOf(Nummers);
            if (form["zeker"] != "true") throw new InvalidRequestException("zeker", "vink aan dat u weet dat verwijderen niet ongedaan kan worden");
            var existed = await writes.DeleteAsync(Scope(policy), ids.Select(id => (kind, id)).ToArray());
            Deleted = Sentence(kind, ids.Where((_, i) => existed[i]).ToArray(), ids.Where((_, i) => !existed[i]).ToArray());
        }
        catch (InvalidRequestException invalid)
        {
            Refuse(invalid);
        }
        return Page();
    }

    /// <summary>
    /// The posted form, its anti-forgery token checked; null, with the page's failure set, when the body is over
    /// <see cref="MaxUploadBytes"/> (413) or the token does not hold (400).
    /// </summary>
    private async Task<IFormCollection?> FormAsync()
    {
        IFormCollection form;
        try
        {
            form = await Request.ReadFormAsync(HttpContext.RequestAborted);
        }
        catch (Exception e) when (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } or InvalidDataException)
        {
            Error = $"De gekozen bestanden zijn samen groter dan {MaxUploadBytes / (1024 * 1024)} MB; importeer ze met matchengine import.";
            Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return null;
        }
        try
        {
            await antiforgery.ValidateRequestAsync(HttpContext);
        }
        catch (AntiforgeryValidationException)
        {
            Error = "Het formulier is verlopen of kwam niet van deze pagina; laad de pagina opnieuw en probeer het nog eens.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return null;
        }
        return form;
    }

    /// <summary>"Geïmporteerd: 3 werkgevers en 12 vacatures; 1 regel geweigerd (hieronder)." of an import.</summary>
    public static string Summary(ImportResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var counts = EntityKinds.ImportOrder.Where(k => result.Imported.GetValueOrDefault(k) > 0)
            .Select(k => Dutch.Count(result.Imported[k], k.DutchName(), k.DutchPlural())).ToArray();
        return $"Geïmporteerd: {(counts.Length == 0 ? "geen records" : Dutch.List(counts))}; " +
               (result.RejectedLines == 0 ? "geen regels geweigerd." : $"{Dutch.Count(result.RejectedLines, "regel", "regels")} geweigerd (hieronder).");
    }

    private static string Sentence(EntityKind kind, IReadOnlyList<string> gone, IReadOnlyList<string> missing) =>
        (gone.Count == 0 ? $"Geen {kind.DutchPlural()} verwijderd" : $"Verwijderd: {Dutch.Count(gone.Count, kind.DutchName(), kind.DutchPlural())} ({string.Join(", ", gone)})") +
        (missing.Count == 0 ? "." : $"; niet gevonden: {string.Join(", ", missing)}.");

    /// <summary>The uploaded files by the kind their name says; refuses a file that is not a contract file, a kind given twice, and none.</summary>
    private static Dictionary<EntityKind, IFormFile> ByKind(IReadOnlyList<IFormFile> files)
    {
        if (files.Count == 0) throw new InvalidRequestException("bestanden", "kies een of meer contractbestanden");
        var byKind = new Dictionary<EntityKind, IFormFile>();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file.FileName);
            var kind = EntityKinds.ImportOrder.Select(k => (EntityKind?)k).FirstOrDefault(k => k!.Value.FileName() == name)
                       ?? throw new InvalidRequestException("bestanden",
                           $"{ClientValue.Quote(name)} is geen contractbestand; een contractbestand heet {Dutch.List(ContractFiles, "of")}");
            if (!byKind.TryAdd(kind, file)) throw new InvalidRequestException("bestanden", $"{name} is twee keer gekozen");
        }
        return byKind;
    }

    private static EntityKind KindOf(string? soort) =>
        EntityKinds.FromPluralName(soort) ?? throw new InvalidRequestException("soort", "kies wat u wilt verwijderen");

    /// <summary>The numbers typed, separated by commas, spaces or new lines, each once and in the order typed.</summary>
    private static IReadOnlyList<string> IdsOf(string? nummers)
    {
        var ids = (nummers ?? "").Split([',', ';', ' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToArray();
        if (ids.Length == 0) throw new InvalidRequestException("nummers", "geef het nummer van minstens één record");
        if (ids.Length > MaxDeletions)
            throw new InvalidRequestException("nummers", $"ten hoogste {Dutch.Whole(MaxDeletions)} per keer, niet {Dutch.Whole(ids.Length)}");
        return ids;
    }
}
