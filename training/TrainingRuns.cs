using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Ranking;
using MatchEngine.Models.Registry;
using MatchEngine.Training.Herinstroom;
using MatchEngine.Training.Leerwerk;
using MatchEngine.Training.Ranking;

namespace MatchEngine.Training;

/// <summary>What to train: the model name, the data's as-of date (null: all of it), seed, trees (null: the model's default) and fairness threshold.</summary>
public sealed record TrainingRequest(string Model, DateOnly? AsOf, int Seed = 42, int? Trees = null, double FairnessThreshold = RankerTrainingRun.DefaultFairnessThreshold);

/// <summary>
/// The one entry to every training run, shared by <c>matchengine train</c> and the Models gRPC service:
/// trains, evaluates, saves and (when it passes) promotes, and returns the run's JSON report.
/// </summary>
public static class TrainingRuns
{
    /// <summary>The trainable models.</summary>
    public static readonly IReadOnlyList<string> Models = ["ranker", "herinstroom", "leerwerk"];

    /// <summary>Runs <paramref name="request"/>; an unknown model is an <see cref="ArgumentException"/>, too little data an <see cref="InvalidOperationException"/>.</summary>
    public static string Run(TrainingRequest request, CatalogService catalog, CandidatePool pool, ModelRegistry registry, TextWriter progress) => request.Model switch
    {
        "ranker" => RankerReport.Json(new RankerTrainingRun(catalog, pool, registry, progress)
            .Run(request.AsOf, new RankerOptions(Trees: request.Trees ?? 200, Seed: request.Seed), request.FairnessThreshold)),
        "herinstroom" => HerinstroomReport.Json(new HerinstroomTrainingRun(catalog.Store, registry, progress)
            .Run(request.AsOf, new HerinstroomOptions(Seed: request.Seed, Trees: request.Trees ?? 100), request.FairnessThreshold)),
        "leerwerk" => RouteSuccessReport.Json(new RouteSuccessTrainingRun(catalog, registry, progress).Run(request.AsOf, request.Seed)),
        _ => throw new ArgumentException($"unknown model '{request.Model}'; known: {string.Join(", ", Models)}", nameof(request)),
    };
}
