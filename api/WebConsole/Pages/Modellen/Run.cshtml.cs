using MatchEngine.Api.Security;
using MatchEngine.Engine.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace MatchEngine.Api.WebConsole.Pages.Modellen;

/// <summary>A training run or evaluation started from the console, with its progress while it runs (polled once a second).</summary>
[Authorize(Roles = Roles.ManageModels)]
public sealed class RunModel(ModelJobs jobs) : ConsolePage
{
    public override string Title => Job is { } job ? $"Voortgang: {job.What}" : "Voortgang";

    protected override string? AddressNames => "trainingsrun";

    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    public ModelJob? Job { get; private set; }

    public IActionResult OnGet()
    {
        Job = jobs.Find(Id, CallerClaims.Of(User).User);
        if (Job is not null) return Page();
        Error = "Deze training of evaluatie bestaat niet, of u heeft hem niet gestart.";
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    public IActionResult OnGetVoortgang()
    {
        var job = jobs.Find(Id, CallerClaims.Of(User).User);
        if (job is null) return NotFound();
        return new JsonResult(new { done = job.State.Done, log = job.Log.ToString() });
    }
}
