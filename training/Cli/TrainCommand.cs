using MatchEngine.Engine;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Ranking;
using MatchEngine.Models.Registry;
using MatchEngine.Training.Herinstroom;
using MatchEngine.Training.Leerwerk;
using MatchEngine.Training.Ranking;

namespace MatchEngine.Training.Cli;

/// <summary>
/// <c>matchengine train ranker|herinstroom|leerwerk [--as-of DATE] [--trees N] [--seed N]</c>: trains,
/// evaluates against baselines on held-out data and promotes; the last stdout line is the metrics as JSON.
/// </summary>
public sealed class TrainCommand : ICommand
{
    public string Verb => "train";
    public string Usage => "train ranker|herinstroom|leerwerk [--as-of YYYY-MM-DD] [--trees N] [--seed N] [--fairness-threshold 0.8]   (last line: metrics as JSON)";
    public IReadOnlySet<string> Flags { get; } = new HashSet<string>();

    public Task<int> RunAsync(CliArgs args, CliContext context, CancellationToken cancellationToken)
    {
        var what = args.Positional.Count == 1 ? args.Positional[0] : throw new CliUsageException("say what to train: ranker, herinstroom or leerwerk");
        var layout = new DataLayout(context.DataDirectory);
        using var catalog = CatalogService.Open(layout, context.Time);
        var registry = new ModelRegistry(layout.ModelsPath, context.Time);
        try
        {
            var json = what switch
            {
                "ranker" => RankerReport.Json(new RankerTrainingRun(catalog, new CandidatePool(catalog.Store), registry, context.Error)
                    .Run(args.GetDate("as-of"), new RankerOptions(Trees: args.GetInt("trees", 200), Seed: args.GetInt("seed", 42)),
                        args.GetDouble("fairness-threshold", RankerTrainingRun.DefaultFairnessThreshold))),
                "herinstroom" => HerinstroomReport.Json(new HerinstroomTrainingRun(catalog.Store, registry, context.Error)
                    .Run(args.GetDate("as-of"), new HerinstroomOptions(Seed: args.GetInt("seed", 42), Trees: args.GetInt("trees", 100)),
                        args.GetDouble("fairness-threshold", RankerTrainingRun.DefaultFairnessThreshold))),
                "leerwerk" => RouteSuccessReport.Json(new RouteSuccessTrainingRun(catalog, registry, context.Error).Run(
                    args.GetDate("as-of") ?? catalog.Store.Placements().Select(p => p.ObservedUntil).DefaultIfEmpty(DateOnly.FromDateTime(context.Time.GetLocalNow().DateTime)).Max(),
                    args.GetInt("seed", 42))),
                _ => throw new CliUsageException($"unknown model '{what}'; known: ranker, herinstroom, leerwerk"),
            };
            context.Out.WriteLine(json);
            return Task.FromResult(ExitCodes.Ok);
        }
        catch (InvalidOperationException e)
        {
            throw new CliFailureException(e.Message);
        }
    }
}
