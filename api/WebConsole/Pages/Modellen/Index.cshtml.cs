using MatchEngine.Api.Security;
using MatchEngine.Engine;
using MatchEngine.Engine.Access;
using MatchEngine.Engine.Domain;
using MatchEngine.Models.Registry;
using MatchEngine.Training.Runs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace MatchEngine.Api.WebConsole.Pages.Modellen;

/// <summary>
/// The data scientist's model registry, as <c>Models.List</c> gives it: versions, which is promoted, the promotion
/// history and the fairness policy; training starts here (<see cref="ModelJobs"/>), a rollback takes a reason, and an
/// admin sets the fairness threshold with a reason (<c>Models.SetFairnessThreshold</c>).
/// </summary>
[Authorize(Roles = Roles.ManageModels)]
public sealed class ModellenModel(ModelRegistry registry, ModelJobs jobs) : ConsolePage
{
    public override string Title => "Modellen";

    public override IReadOnlyDictionary<string, string> FieldLabels { get; } = new Dictionary<string, string> { ["name"] = "Model", ["model"] = "Model" };

    [BindProperty(Name = "teruggedraaid", SupportsGet = true)]
    public string? RolledBackTo { get; set; }

    public IReadOnlyList<string> Names => TrainingRuns.Models;

    /// <summary>The model whose versions and promotions are paged to <see cref="PageNumber"/>; the others show their newest page.</summary>
    [BindProperty(Name = "model", SupportsGet = true)]
    public string? PagedModel { get; set; }

    [BindProperty(Name = "pagina", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    /// <summary>A page of each model's versions, newest first.</summary>
    public Dictionary<string, Paging<ModelManifest>> Versions { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string?> Promoted { get; } = new(StringComparer.Ordinal);

    /// <summary>A page of each model's promotions, newest first.</summary>
    public Dictionary<string, Paging<Promotion>> History { get; } = new(StringComparer.Ordinal);

    public FairnessPolicy Fairness { get; private set; } = null!;

    [BindProperty(Name = "drempel-vastgelegd", SupportsGet = true)]
    public bool ThresholdSet { get; set; }

    /// <summary>Only an admin sets the fairness threshold; others see the policy.</summary>
    public bool MaySetThreshold => CallerClaims.Of(User).Holds(Roles.Admin);

    public string? Done => RolledBackTo is { Length: > 0 } v ? $"Teruggedraaid: versie {v} is weer in gebruik."
        : ThresholdSet ? $"De drempel van de eerlijkheidstoets is nu {Dutch.Number(Fairness.Threshold)}." : null;

    public void OnGet()
    {
        Fairness = registry.Fairness;
        foreach (var name in Names)
        {
            var page = name == PagedModel ? PageNumber : 1;
            Versions[name] = Paging<ModelManifest>.Of([.. registry.List(name).OrderByDescending(v => v.CreatedAt)], page);
            Promoted[name] = registry.Promoted(name);
            History[name] = Paging<Promotion>.Of([.. registry.History(name).Reverse()], page);
        }
    }

    public IActionResult OnPostTrainen(string model)
    {
        var job = jobs.Train(model, CallerClaims.Of(User).User);
        if (job is not null) return LocalRedirect($"/modellen/runs/{job.Id}");
        OnGet();
        Error = "Er loopt al een training of evaluatie; wacht tot die klaar is.";
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    public IActionResult OnPostTerugdraaien(string model, string reden)
    {
        OnGet();
        if (string.IsNullOrWhiteSpace(reden))
        {
            Error = "Geef een reden om terug te draaien.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        try
        {
            var version = registry.ActingFor(CallerClaims.Of(User).User).Rollback(TrainingRuns.RequireModel(model), reden);
            return LocalRedirect($"/modellen?teruggedraaid={Uri.EscapeDataString(version)}");
        }
        catch (InvalidOperationException e) when (e is not FairnessGateException)
        {
            Error = $"{NameWord(model)} heeft geen eerdere gepromoveerde versie om naar terug te draaien.";
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
    }

    /// <summary>The threshold as typed into the policy form (a decimal comma or point), kept on the page when refused.</summary>
    [BindProperty(Name = "drempel")]
    public string? Drempel { get; set; }

    /// <summary>The reason typed into the policy form, kept on the page when refused.</summary>
    [BindProperty(Name = "drempel-reden")]
    public string? DrempelReden { get; set; }

    /// <summary>The label of the threshold field, named in a refusal.</summary>
    public const string ThresholdLabel = "Drempel";

    public IActionResult OnPostDrempel()
    {
        OnGet();
        try
        {
            // A missing number is refused as one out of range: the registry refuses NaN as it refuses any value outside its bounds.
            var threshold = ConsoleInput.Number(Drempel, ThresholdLabel, FairnessPolicy.MinThreshold, FairnessPolicy.MaxThreshold) ?? double.NaN;
            registry.ActingFor(CallerClaims.Of(User).User).SetFairnessThreshold(threshold, DrempelReden ?? "", byAdmin: MaySetThreshold);
            return LocalRedirect("/modellen?drempel-vastgelegd=true");
        }
        catch (InvalidRequestException invalid)
        {
            Refuse(invalid);
        }
        catch (ArgumentOutOfRangeException)
        {
            Error = $"De invoer bij '{ThresholdLabel}' klopt niet: moet tussen {Dutch.Number(FairnessPolicy.MinThreshold)} en {Dutch.Number(FairnessPolicy.MaxThreshold)} liggen.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (ArgumentException)
        {
            Error = "Geef een reden voor de drempel: het beleid legt vast waarom.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (AdminOnlyException e)
        {
            Error = $"Dit mag u niet: {e.Message}.";
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        return Page();
    }

    /// <summary>Page <paramref name="page"/> of <paramref name="name"/>'s versions and promotions.</summary>
    public static string Link(string name, int page) => $"/modellen?model={Uri.EscapeDataString(name)}&pagina={page}";

    public static string NameWord(string name) => name switch
    {
        "ranker" => "Shortlijst-ranker",
        "herinstroom" => "Herinstroomrisico",
        "leerwerk" => "Slagingskans leerwerkroute",
        _ => name,
    };
}
