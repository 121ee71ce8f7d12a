using System.Text.Json;
using MatchEngine.Engine;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Ranking;
using MatchEngine.Models.Registry;
using MatchEngine.Training.Herinstroom;
using MatchEngine.Training.Ranking;

namespace MatchEngine.Training.Cli;

/// <summary><c>matchengine train ranker|herinstroom [--as-of DATE] [--trees N] [--seed N]</c>: trains, evaluates and promotes; the last stdout line is the metrics as JSON.</summary>
public sealed class TrainCommand : ICommand
{
    public string Verb => "train";
    public string Usage => "train ranker|herinstroom [--as-of YYYY-MM-DD] [--trees N] [--seed N]   (last line: metrics as JSON)";
    public IReadOnlySet<string> Flags { get; } = new HashSet<string>();

    public Task<int> RunAsync(CliArgs args, CliContext context, CancellationToken cancellationToken)
    {
        var what = args.Positional.Count == 1 ? args.Positional[0] : throw new CliUsageException("say what to train: ranker or herinstroom");
        var layout = new DataLayout(context.DataDirectory);
        using var catalog = CatalogService.Open(layout, context.Time);
        var registry = new ModelRegistry(layout.ModelsPath, context.Time);
        switch (what)
        {
            case "ranker":
                var options = new RankerOptions(Trees: args.GetInt("trees", 200), Seed: args.GetInt("seed", 42));
                RankerRunResult result;
                try
                {
                    result = new RankerTrainingRun(catalog, new CandidatePool(catalog.Store), registry, context.Error).Run(args.GetDate("as-of"), options);
                }
                catch (InvalidOperationException e)
                {
                    throw new CliFailureException(e.Message);
                }
                context.Out.WriteLine(RankerReport.Json(result));
                return Task.FromResult(ExitCodes.Ok);
            case "herinstroom":
                HerinstroomRunResult herinstroom;
                try
                {
                    herinstroom = new HerinstroomTrainingRun(catalog.Store, registry, context.Error)
                        .Run(args.GetDate("as-of"), new HerinstroomOptions(Seed: args.GetInt("seed", 42), Trees: args.GetInt("trees", 100)));
                }
                catch (InvalidOperationException e)
                {
                    throw new CliFailureException(e.Message);
                }
                context.Out.WriteLine(HerinstroomReport.Json(herinstroom));
                return Task.FromResult(ExitCodes.Ok);
            default:
                throw new CliUsageException($"unknown model '{what}'; known: ranker, herinstroom");
        }
    }
}
