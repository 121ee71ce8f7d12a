using System.Text.Json.Nodes;
using MatchEngine.Engine;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Ranking;
using MatchEngine.Models.Registry;
using MatchEngine.Training.Herinstroom;
using MatchEngine.Training.Leerwerk;
using MatchEngine.Training.Ranking;
using MatchEngine.Training.Reports;

namespace MatchEngine.Training.Runs;

/// <summary>
/// The one entry to every training run, shared by <c>matchengine train</c> and the Models gRPC service:
/// trains, evaluates, saves (with the resolved settings in every manifest), promotes when it passes, and writes
/// the report of the best new version next to it, comparing it with the version promoted before the run.
/// </summary>
public static class TrainingRuns
{
    /// <summary>The trainable models.</summary>
    public static readonly IReadOnlyList<string> Models = ["ranker", "herinstroom", "leerwerk"];

    /// <summary>Returns <paramref name="name"/> when it is one of <see cref="Models"/>; otherwise an <see cref="InvalidRequestException"/> naming them.</summary>
    public static string RequireModel(string? name) => name is not null && Models.Contains(name) ? name : throw new InvalidRequestException("name", NotAModel(name));

    /// <summary>Why a model name is refused: "moet ranker, herinstroom of leerwerk zijn, niet 'x'" (or "ontbreekt; …" without one).</summary>
    public static string NotAModel(string? name) => string.IsNullOrEmpty(name)
        ? $"ontbreekt; moet {Dutch.List(Models, "of")} zijn"
        : $"moet {Dutch.List(Models, "of")} zijn, niet {ClientValue.Quote(name)}";

    /// <summary>Runs <paramref name="request"/>; an unknown model is an <see cref="ArgumentException"/>, too little data an <see cref="InvalidOperationException"/>.</summary>
    public static TrainingOutcome Run(TrainingRequest request, CatalogService catalog, CandidatePool pool, ModelRegistry registry, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(registry);
        if (!Models.Contains(request.Model)) throw new ArgumentException($"model: {NotAModel(request.Model)}", nameof(request));
        var c = request.Config.ResolvedFor(request.Model);
        var before = registry.Promoted(request.Model);
        const string Purpose = "Trainingsrun";
        switch (request.Model)
        {
            case "ranker":
            {
                var r = new RankerTrainingRun(catalog, pool, registry, progress).Run(c.AsOf,
                    new RankerOptions(c.Trees!.Value, c.Leaves!.Value, c.LearningRate!.Value, c.MinExamplesPerLeaf!.Value, c.Seed!.Value), c.IpsEta, c.IpsClip!.Value);
                var versions = r.Models.Where(m => m.Version is not null && m.Version != before).Select(m => m.Version!).ToArray();
                Stamp(registry, versions, c);
                var report = new RankerReportWriter(registry, progress).Write(r.Best, [.. versions.Where(v => v != r.Best).Append(before).OfType<string>()], r.Evaluator, Purpose, c.Seed!.Value);
                return Outcome(RankerReport.Json(r), report);
            }
            case "herinstroom":
            {
                var r = new HerinstroomTrainingRun(catalog.Store, registry, progress).Run(c.AsOf, new HerinstroomOptions(c.Seed!.Value, c.Trees!.Value, c.TrainShare!.Value));
                var versions = r.Models.Select(m => m.Version).ToArray();
                Stamp(registry, versions, c);
                var best = HerinstroomTrainingRun.Better(r.Models[0], r.Models[1]).Version;
                var holdout = HerinstroomHoldout.Build(catalog.Store, r.AsOf, c.TrainShare!.Value);
                var report = new HerinstroomReportWriter(registry).Write(best, [.. versions.Where(v => v != best).Append(before).OfType<string>()], holdout, Purpose);
                return Outcome(HerinstroomReport.Json(r), report);
            }
            default:
            {
                var r = new RouteSuccessTrainingRun(catalog, registry, progress).Run(c.AsOf, new RouteSuccessOptions(c.Seed!.Value, c.Trees!.Value, c.Leaves!.Value, c.MinExamplesPerLeaf!.Value));
                Stamp(registry, [r.Version], c);
                var report = new LeerwerkReportWriter(registry).Write(r.Version, [.. new[] { before }.OfType<string>()], RouteSuccessHoldout.Build(catalog, c.AsOf), Purpose);
                return Outcome(RouteSuccessReport.Json(r), report);
            }
        }
    }

    /// <summary>Adds the report's path to a run's JSON line.</summary>
    private static TrainingOutcome Outcome(string json, ModelReport report)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node["report"] = report.Path;
        return new TrainingOutcome(node.ToJsonString(), report);
    }

    private static void Stamp(ModelRegistry registry, IEnumerable<string> versions, TrainingConfig config)
    {
        foreach (var v in versions)
            if (registry.Get(v) is { } m) registry.Save(m with { Config = config.ToManifest() });
    }
}
