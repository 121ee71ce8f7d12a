using MatchEngine.Engine;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Registry;
using MatchEngine.Training.Runs;

namespace MatchEngine.Training.Cli;

/// <summary>
/// <c>matchengine evaluate VERSION [--as-of DATE] [--json]</c>: re-evaluates a stored version on the current data's
/// held-out part (the training split), against the promoted version and the baselines, and rewrites its report.
/// Progress goes to stderr; stdout prints the report path (unless <c>--json</c>) and, as its last line, the metrics JSON.
/// </summary>
public sealed class EvaluateCommand : ICommand
{
    public string Verb => "evaluate";
    public string Usage => "evaluate VERSION [--as-of YYYY-MM-DD] [--json]   (laatste regel: metrieken als JSON; schrijft models/<name>/<version>/report.md)";
    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "json" };
    /// <summary>The version to evaluate.</summary>
    public int MaxArguments => 1;

    public Task<int> RunAsync(CliArgs args, CliContext context, CancellationToken cancellationToken)
    {
        var version = args.Positional.Count == 1 ? args.Positional[0] : throw new CliUsageException("geef de versie die u wilt evalueren, bijvoorbeeld ranker-v0003");
        var layout = context.Layout;
        using var catalog = CatalogService.Open(layout, context.Time);
        try
        {
            var outcome = ModelEvaluations.Evaluate(version, args.GetDate("as-of"), catalog, new CandidatePool(catalog.Store), new ModelRegistry(layout.ModelsPath, context.Time), context.Error);
            if (!args.Has("json")) context.Out.WriteLine($"report: {outcome.Report.Path}");
            context.Out.WriteLine(outcome.MetricsJson);
            return Task.FromResult(ExitCodes.Ok);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or ModelVersionNotFoundException)
        {
            throw new CliFailureException(e.Message);
        }
    }
}
