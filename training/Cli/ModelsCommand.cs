using System.Text.Json;
using MatchEngine.Engine;
using MatchEngine.Engine.Access;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;
using MatchEngine.Models.Registry;
using MatchEngine.Training.Runs;

namespace MatchEngine.Training.Cli;

/// <summary>
/// <c>matchengine models list [NAME] | promote VERSION [--reason R] [--override-fairness R] | rollback NAME |
/// fairness-threshold [VALUE --reason R]</c>: the model registry. A version that failed its fairness audit is promoted
/// only with <c>--override-fairness</c>, whose reason is recorded in the promotion history with the user. The fairness
/// threshold is the registry's policy (shown without a value, set with one). The api picks up a promotion without a restart.
/// </summary>
public sealed class ModelsCommand : ICommand
{
    public string Verb => "models";
    public string Usage
        => "models list [ranker|herinstroom|leerwerk] | models promote VERSION [--reason R] [--override-fairness R] | models rollback NAME | models fairness-threshold [VALUE --reason R]   (--json)";
    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "json" };
    /// <summary>The action and its name, version or threshold.</summary>
    public int MaxArguments => 2;

    public Task<int> RunAsync(CliArgs args, CliContext context, CancellationToken cancellationToken)
    {
        var registry = context.Registry;
        var action = args.Positional.FirstOrDefault() ?? throw new CliUsageException("geef list, promote, rollback of fairness-threshold");
        switch (action)
        {
            case "list":
                var names = args.Positional.Count > 1 ? [ModelName(args.Positional[1])] : TrainingRuns.Models;
                var listing = names.Select(n => new
                {
                    name = n,
                    promoted = registry.Promoted(n),
                    versions = registry.List(n).Select(m => new { m.Version, m.Kind, m.CreatedAt, m.TrainedFrom, m.TrainedTo, m.DataHash, m.Config, report = ReportOf(registry, m.Version),
                        metrics = m.Metrics.Where(x => !x.Key.StartsWith("fairness.", StringComparison.Ordinal) || x.Key == "fairness.min_ratio"),
                        fairness = m.Fairness is { } audit ? Fairness.FairnessJson.Of(audit, registry.Fairness.Threshold) : null }),
                    history = registry.History(n),
                });
                context.Out.WriteLine(JsonSerializer.Serialize(listing, CliJson.Options));
                return Task.FromResult(ExitCodes.Ok);
            case "promote":
                var version = args.Positional.Count == 2 ? args.Positional[1] : throw new CliUsageException("geef de versie die u wilt promoveren, bijvoorbeeld ranker-v0003");
                if (!IsVersion(version)) throw new CliFailureException($"modelversie {ClientValue.Quote(version)} bestaat niet: een versie heet NAAM-vNNNN, bijvoorbeeld ranker-v0003");
                if (registry.Get(version) is null) throw new CliFailureException($"modelversie {ClientValue.Quote(version)} bestaat niet");
                var reason = args.Get("reason", "promoted by hand")!;
                if (string.IsNullOrWhiteSpace(reason)) throw new CliUsageException("optie --reason mag niet leeg zijn: de promotiegeschiedenis legt vast waarom");
                try
                {
                    registry.Promote(version, reason, args.Get("override-fairness"), byAdmin: context.Operator.Holds(Roles.Admin));
                }
                catch (FairnessGateException e)
                {
                    throw new CliFailureException($"{e.Message}: --override-fairness \"reden\"");
                }
                context.Out.WriteLine(JsonSerializer.Serialize(new { promoted = version, reason, user = registry.Actor, override_fairness = args.Get("override-fairness") }, CliJson.Options));
                return Task.FromResult(ExitCodes.Ok);
            case "fairness-threshold":
                if (args.Positional.Count == 1)
                {
                    context.Out.WriteLine(JsonSerializer.Serialize(registry.Fairness, CliJson.Options));
                    return Task.FromResult(ExitCodes.Ok);
                }
                if (args.Positional.Count != 2 || !double.TryParse(args.Positional[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var threshold))
                    throw new CliUsageException("geef de drempel als getal, bijvoorbeeld models fairness-threshold 0.8 --reason \"vier-vijfderegel\"");
                if (Limit.Between(FairnessPolicy.MinThreshold, FairnessPolicy.MaxThreshold).Refusal(threshold) is { } outside)
                    throw new CliUsageException($"drempel {outside}");
                var why = args.Get("reason");
                if (string.IsNullOrWhiteSpace(why)) throw new CliUsageException("geef --reason: het beleid legt vast waarom");
                var policy = registry.SetFairnessThreshold(threshold, why, byAdmin: context.Operator.Holds(Roles.Admin));
                context.Out.WriteLine(JsonSerializer.Serialize(policy, CliJson.Options));
                return Task.FromResult(ExitCodes.Ok);
            case "rollback":
                var name = args.Positional.Count == 2 ? args.Positional[1] : throw new CliUsageException("geef de modelnaam, bijvoorbeeld ranker");
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
                throw new CliUsageException($"onbekende actie '{action}'; geef list, promote, rollback of fairness-threshold");
        }
    }

    /// <summary><paramref name="name"/> when it is a model's name; else the usage error <c>models rollback</c> gives too.</summary>
    private static string ModelName(string name)
    {
        try
        {
            return TrainingRuns.RequireModel(name);
        }
        catch (InvalidRequestException e)
        {
            throw new CliUsageException(e.Message);
        }
    }

    /// <summary>True when <paramref name="version"/> has the registry's form NAME-vNNNN for a known model.</summary>
    private static bool IsVersion(string version) =>
        version.LastIndexOf("-v", StringComparison.Ordinal) is var i and > 0 && TrainingRuns.Models.Contains(version[..i])
        && version.Length > i + 2 && version[(i + 2)..].All(char.IsAsciiDigit);

    private static string? ReportOf(ModelRegistry registry, string version)
    {
        var path = Path.Combine(registry.DirectoryOf(version), Reports.MarkdownReport.FileName);
        return File.Exists(path) ? path : null;
    }
}
