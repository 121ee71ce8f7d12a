using System.Text.RegularExpressions;
using MatchEngine.Api.Security;
using MatchEngine.Engine.Access;
using MatchEngine.Models.Registry;
using MatchEngine.Training.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace MatchEngine.Api.WebConsole.Pages.Modellen;

/// <summary>
/// One model version: metrics, the fairness audit against the region's policy, the report with its plots inline, and
/// the forms that evaluate it again or promote it with a reason (an admin may override a failed fairness audit with one).
/// </summary>
[Authorize(Roles = Roles.ManageModels)]
public sealed partial class VersieModel(ModelRegistry registry, ModelJobs jobs) : ConsolePage
{
    public override string Title => string.IsNullOrWhiteSpace(Version) ? "Modelversie" : $"Modelversie {Version}";

    protected override string? AddressNames => "modelversie";

    [BindProperty(SupportsGet = true)]
    public string Version { get; set; } = "";

    [BindProperty(Name = "gepromoveerd", SupportsGet = true)]
    public bool JustPromoted { get; set; }

    public ModelManifest? Manifest { get; private set; }

    public bool IsPromoted { get; private set; }

    public string? FairnessRefusal { get; private set; }

    public bool IsAdmin => User.IsInRole(Roles.Admin);

    public IReadOnlyList<(string Text, string? Plot)> Report { get; private set; } = [];

    public string? Done => JustPromoted ? $"Versie {Version} is gepromoveerd en wordt binnen enkele seconden gebruikt." : null;

    public void OnGet()
    {
        Manifest = registry.Require(Version);
        IsPromoted = registry.Promoted(Manifest.Name) == Version;
        FairnessRefusal = FairnessGate.Refusal(Manifest, registry.Fairness);
        var path = Path.Combine(registry.DirectoryOf(Version), MarkdownReport.FileName);
        Report = System.IO.File.Exists(path) ? Split(System.IO.File.ReadAllText(path)) : [];
    }

    public IActionResult OnPostEvalueren()
    {
        var job = jobs.Evaluate(Version, CallerClaims.Of(User).User);
        if (job is not null) return LocalRedirect($"/modellen/runs/{job.Id}");
        OnGet();
        Error = "Er loopt al een training of evaluatie; wacht tot die klaar is.";
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    public IActionResult OnPostPromoveren(string reden, string? opheffen)
    {
        if (string.IsNullOrWhiteSpace(reden))
        {
            OnGet();
            Error = "Geef een reden om te promoveren.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        registry.ActingFor(CallerClaims.Of(User).User).Promote(Version, reden.Trim(), string.IsNullOrWhiteSpace(opheffen) ? null : opheffen.Trim(), byAdmin: IsAdmin);
        return LocalRedirect($"/modellen/{Uri.EscapeDataString(Version)}?gepromoveerd=true");
    }

    /// <summary>A plot of the report (a PNG next to it); only file names the report itself names.</summary>
    public IActionResult OnGetPlot(string bestand)
    {
        OnGet();
        if (!Report.Any(p => p.Plot == bestand)) return NotFound();
        return PhysicalFile(Path.Combine(registry.DirectoryOf(Version), bestand), "image/png");
    }

    /// <summary>The report's text in parts, with each image reference <c>![alt](file.png)</c> as a part of its own.</summary>
    private static List<(string Text, string? Plot)> Split(string markdown)
    {
        var parts = new List<(string, string?)>();
        var at = 0;
        foreach (System.Text.RegularExpressions.Match m in Image().Matches(markdown))
        {
            if (m.Index > at) parts.Add((markdown[at..m.Index].Trim('\n'), null));
            parts.Add((m.Groups["alt"].Value, m.Groups["file"].Value));
            at = m.Index + m.Length;
        }
        if (at < markdown.Length) parts.Add((markdown[at..].Trim('\n'), null));
        return [.. parts.Where(p => p.Item2 is not null || p.Item1.Length > 0)];
    }

    [GeneratedRegex(@"!\[(?<alt>[^\]]*)\]\((?<file>[A-Za-z0-9_.-]+\.png)\)")]
    private static partial Regex Image();
}
