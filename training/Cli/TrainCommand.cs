using MatchEngine.Engine;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Registry;
using MatchEngine.Training.Ranking;

namespace MatchEngine.Training.Cli;

/// <summary>
/// <c>matchengine train ranker|herinstroom|leerwerk [--as-of DATE] [--trees N] [--seed N] [--fairness-threshold T]</c>:
/// trains, evaluates against baselines on held-out data and promotes; the last stdout line is the metrics as JSON.
/// </summary>
public sealed class TrainCommand : ICommand
{
    public string Verb => "train";
    public string Usage => "train ranker|herinstroom|leerwerk [--as-of YYYY-MM-DD] [--trees N] [--seed N] [--fairness-threshold 0.8]   (last line: metrics as JSON)";
    public IReadOnlySet<string> Flags { get; } = new HashSet<string>();

    public Task<int> RunAsync(CliArgs args, CliContext context, CancellationToken cancellationToken)
    {
        var what = args.Positional.Count == 1 ? args.Positional[0] : throw new CliUsageException($"say what to train: {string.Join(", ", TrainingRuns.Models)}");
        if (!TrainingRuns.Models.Contains(what)) throw new CliUsageException($"unknown model '{what}'; known: {string.Join(", ", TrainingRuns.Models)}");
        var request = new TrainingRequest(what, args.GetDate("as-of"), args.GetInt("seed", 42), args.Has("trees") ? args.GetInt("trees", 0) : null,
            args.GetDouble("fairness-threshold", RankerTrainingRun.DefaultFairnessThreshold));
        var layout = context.Layout;
        using var catalog = CatalogService.Open(layout, context.Time);
        try
        {
            context.Out.WriteLine(TrainingRuns.Run(request, catalog, new CandidatePool(catalog.Store), new ModelRegistry(layout.ModelsPath, context.Time), context.Error));
            return Task.FromResult(ExitCodes.Ok);
        }
        catch (InvalidOperationException e)
        {
            throw new CliFailureException(e.Message);
        }
    }
}
