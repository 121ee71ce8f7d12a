using System.Globalization;
using System.Text.Json;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.LabelResolution;
using MatchEngine.Engine.Store;
using MatchEngine.Training.Synth;

namespace MatchEngine.Training.Cli;

/// <summary>
/// <c>matchengine labels --unresolved [--top N] [--json]</c>: the candidates' skills and certificates that no canonical
/// label matched at import, most frequent first, for the data steward who keeps the synonym file
/// (<c>engine/LabelResolution/Data/synonyms.txt</c>). <c>labels --check FILE</c>: on a messy synthetic region, the resolver's
/// recall and precision against the answer key <c>synth --messy</c> wrote. Both print labels and counts only — never a
/// candidate's id or record — so they read the store's candidates directly rather than through the caller-scoped policy
/// layer (which exists to consent-check, minimise and audit reads of a person).
/// </summary>
public sealed class LabelsCommand : ICommand
{
    public string Verb => "labels";
    public string Usage =>
        "labels (--unresolved [--top N] | --check FILE) [--json]   " +
        "labels die bij geen canoniek label passen, met aantallen (alleen labels en aantallen); --check: de resolver tegen de antwoordsleutel van synth --messy";
    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "unresolved", "json" };

    public Task<int> RunAsync(CliArgs args, CliContext context, CancellationToken cancellationToken)
    {
        if (args.Has("unresolved") == args.Has("check")) throw new CliUsageException("geef --unresolved of --check FILE (één van beide)");
        if (args.Has("check") && args.Has("top")) throw new CliUsageException("--top hoort bij --unresolved");
        using var store = context.Layout.Store.OpenCatalog();
        if (args.Has("check")) return Task.FromResult(Check(args.Require("check"), store, context));
        var top = args.GetInt("top", 30);
        if (Limit.AtLeast(1).Refusal(top) is { } badTop) throw new CliUsageException($"--top {badTop}");
        var (labels, notResolved) = UnresolvedLabels.Of(store.Candidates());
        if (args.Has("json"))
        {
            context.Out.WriteLine(JsonSerializer.Serialize(new
            {
                unresolved = labels.Take(top).Select(l => new { kind = l.Kind == LabelKind.Skill ? "skill" : "certificate", text = l.Text, count = l.Count, confidence = l.Confidence }),
                distinct = labels.Count,
                occurrences = labels.Sum(l => l.Count),
                candidates_not_resolved = notResolved,
            }, CliJson.Options));
            return Task.FromResult(ExitCodes.Ok);
        }
        if (labels.Count == 0) context.Out.WriteLine("Alle labels zijn herkend.");
        else
        {
            context.Out.WriteLine($"Niet herkende labels: {labels.Count} verschillende, {labels.Sum(l => l.Count)} keer getypt{(labels.Count > top ? $" (de {top} meest getypte)" : "")}:");
            foreach (var l in labels.Take(top))
                context.Out.WriteLine($"{l.Count,6}  {(l.Kind == LabelKind.Skill ? "vaardigheid" : "certificaat"),-11}  {l.Text}");
            context.Out.WriteLine("Voeg een synoniem toe aan engine/LabelResolution/Data/synonyms.txt en importeer opnieuw om een label te laten herkennen.");
        }
        if (notResolved > 0)
            context.Out.WriteLine($"{notResolved} kandidaten zijn geïmporteerd zonder labelherkenning; importeer opnieuw om ook hun labels te herkennen.");
        return Task.FromResult(ExitCodes.Ok);
    }

    private static int Check(string file, Engine.Store.ICatalogStore store, CliContext context)
    {
        if (!File.Exists(file)) throw new CliFailureException($"bestand bestaat niet: {file}");
        ResolverAccuracy accuracy;
        try
        {
            accuracy = ResolverAccuracy.Measure(store.Candidates(), RewrittenLabelFile.Read(file));
        }
        catch (Exception e) when (e is InvalidOperationException or JsonException)
        {
            throw new CliFailureException(e.Message);
        }
        static double R(double x) => Math.Round(x, 4);
        context.Out.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["rewritten"] = accuracy.Rewritten,
            ["right"] = accuracy.Right,
            ["wrong"] = accuracy.Wrong,
            ["unresolved"] = accuracy.Unresolved,
            ["recall"] = R(accuracy.Recall),
            ["precision"] = R(accuracy.Precision),
            ["untouched"] = accuracy.Untouched,
            ["untouched_wrong"] = accuracy.UntouchedWrong,
            ["untouched_wrong_rate"] = R(accuracy.UntouchedWrongRate),
            ["untouched_unresolved"] = accuracy.UntouchedUnresolved,
            ["recall_by_way"] = accuracy.ByWay.OrderBy(w => w.Key, StringComparer.Ordinal)
                .ToDictionary(w => w.Key, w => R(w.Value.Right / (double)w.Value.Rewritten).ToString("0.####", CultureInfo.InvariantCulture) + $" of {w.Value.Rewritten}"),
        }, CliJson.Options));
        return ExitCodes.Ok;
    }
}
