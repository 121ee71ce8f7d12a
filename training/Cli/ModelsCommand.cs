using System.Text.Json;
using MatchEngine.Engine;
using MatchEngine.Models.Registry;

namespace MatchEngine.Training.Cli;

/// <summary>
/// <c>matchengine models list [NAME] | promote VERSION [--reason R] [--override-fairness R] | rollback NAME</c>:
/// the model registry. A version that failed its fairness audit is promoted only with <c>--override-fairness</c>,
/// whose reason is recorded in the promotion history. The api picks up a promotion without a restart.
/// </summary>
public sealed class ModelsCommand : ICommand
{
    public string Verb => "models";
    public string Usage => "models list [ranker|herinstroom|leerwerk] | models promote VERSION [--reason R] [--override-fairness R] | models rollback NAME   (--json)";
    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "json" };

    public Task<int> RunAsync(CliArgs args, CliContext context, CancellationToken cancellationToken)
    {
        var registry = new ModelRegistry(context.Layout.ModelsPath, context.Time);
        var action = args.Positional.FirstOrDefault() ?? throw new CliUsageException("say list, promote or rollback");
        switch (action)
        {
            case "list":
                var names = args.Positional.Count > 1 ? [args.Positional[1]] : TrainingRuns.Models;
                var listing = names.Select(n => new
                {
                    name = n,
                    promoted = registry.Promoted(n),
                    versions = registry.List(n).Select(m => new { m.Version, m.Kind, m.CreatedAt, m.TrainedFrom, m.TrainedTo, m.DataHash, m.Config, report = ReportOf(registry, m.Version), metrics = m.Metrics.Where(x => !x.Key.StartsWith("fairness.", StringComparison.Ordinal) || x.Key == "fairness.min_selection_ratio") }),
                    history = registry.History(n),
                });
                context.Out.WriteLine(JsonSerializer.Serialize(listing, CliJson.Options));
                return Task.FromResult(ExitCodes.Ok);
            case "promote":
                var version = args.Positional.Count == 2 ? args.Positional[1] : throw new CliUsageException("give the version to promote, e.g. ranker-v0003");
                var manifest = registry.Get(version) ?? throw new CliFailureException($"model version '{version}' does not exist");
                var reason = args.Get("reason", "promoted by hand")!;
                if (FairnessGate.Refusal(manifest) is { } refusal)
                {
                    var overrideReason = args.Get("override-fairness") ?? throw new CliFailureException($"{refusal}: --override-fairness \"reason\"");
                    reason = $"{reason}; fairness override: {overrideReason}";
                }
                registry.Promote(version, reason);
                context.Out.WriteLine(JsonSerializer.Serialize(new { promoted = version, reason }, CliJson.Options));
                return Task.FromResult(ExitCodes.Ok);
            case "rollback":
                var name = args.Positional.Count == 2 ? args.Positional[1] : throw new CliUsageException("give the model name, e.g. ranker");
                try
                {
                    context.Out.WriteLine(JsonSerializer.Serialize(new { promoted = registry.Rollback(TrainingRuns.RequireModel(name)) }, CliJson.Options));
                }
                catch (InvalidRequestException e)
                {
                    throw new CliUsageException(e.Message);
                }
                catch (InvalidOperationException e)
                {
                    throw new CliFailureException(e.Message);
                }
                return Task.FromResult(ExitCodes.Ok);
            default:
                throw new CliUsageException($"unknown action '{action}'");
        }
    }

    private static string? ReportOf(ModelRegistry registry, string version)
    {
        var path = Path.Combine(registry.DirectoryOf(version), Reports.MarkdownReport.FileName);
        return File.Exists(path) ? path : null;
    }
}
