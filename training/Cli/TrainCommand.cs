using MatchEngine.Engine;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Registry;
using MatchEngine.Training.Runs;
using MatchEngine.Engine.Domain;

namespace MatchEngine.Training.Cli;

/// <summary>
/// <c>matchengine train ranker|herinstroom|leerwerk [--config FILE] [--as-of DATE] [--seed N] [--trees N] …</c>: trains,
/// evaluates against baselines and the promoted version on held-out data, promotes when the fairness audit passes,
/// and writes a report. Settings come from the config file, then from options (an option wins); the resolved
/// settings are stored in the manifest. Progress goes to stderr; stdout prints the report path and, as its last
/// line, the metrics as JSON.
/// </summary>
public sealed class TrainCommand : ICommand
{
    public string Verb => "train";
    public string Usage =>
        "train ranker|herinstroom|leerwerk [--config FILE.json] [--as-of YYYY-MM-DD] [--seed N] [--trees N] [--leaves N] [--learning-rate X] " +
        "[--min-leaf N] [--train-share X] [--ips-eta X] [--ips-clip X]   (laatste regel: metrieken als JSON)";
    public IReadOnlySet<string> Flags { get; } = new HashSet<string>();
    /// <summary>The model to train.</summary>
    public int MaxArguments => 1;

    public Task<int> RunAsync(CliArgs args, CliContext context, CancellationToken cancellationToken)
    {
        var what = args.Positional.Count == 1 ? args.Positional[0] : throw new CliUsageException($"geef aan wat u wilt trainen: {Dutch.List(TrainingRuns.Models, "of")}");
        if (!TrainingRuns.Models.Contains(what)) throw new CliUsageException($"model: {TrainingRuns.NotAModel(what)}");
        var request = new TrainingRequest(what, ConfigOf(args));
        var layout = context.Layout;
        using var catalog = CatalogService.Open(layout, context.Time);
        try
        {
            var outcome = TrainingRuns.Run(request, catalog, new CandidatePool(catalog.Store), context.Registry, context.Error);
            context.Out.WriteLine($"report: {outcome.Report.Path}");
            context.Out.WriteLine(outcome.MetricsJson);
            return Task.FromResult(ExitCodes.Ok);
        }
        catch (InvalidOperationException e)
        {
            throw new CliFailureException(e.Message);
        }
    }

    /// <summary>The config file (when given) with the command-line options over it.</summary>
    internal static TrainingConfig ConfigOf(CliArgs args)
    {
        TrainingConfig file;
        try
        {
            file = args.Get("config") is { } path ? TrainingConfig.Load(path) : new TrainingConfig();
        }
        catch (ArgumentException e)
        {
            throw new CliUsageException(e.Message);
        }
        int? I(string name) => args.Has(name) ? args.GetInt(name, 0) : null;
        double? D(string name) => args.Has(name) ? args.GetDouble(name, 0) : null;
        var options = new TrainingConfig
        {
            AsOf = args.GetDate("as-of"), Seed = I("seed"), Trees = I("trees"), Leaves = I("leaves"), LearningRate = D("learning-rate"),
            MinExamplesPerLeaf = I("min-leaf"), TrainShare = D("train-share"), IpsEta = D("ips-eta"), IpsClip = D("ips-clip"),
        };
        try
        {
            return file.With(options.Checked());
        }
        catch (ArgumentException e)
        {
            throw new CliUsageException(e.Message);
        }
    }
}
