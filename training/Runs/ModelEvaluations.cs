using System.Globalization;
using System.Text.Json;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Registry;
using MatchEngine.Training.Herinstroom;
using MatchEngine.Training.Leerwerk;
using MatchEngine.Training.Ranking;
using MatchEngine.Training.Reports;

namespace MatchEngine.Training.Runs;

/// <summary>
/// Re-evaluates a stored model version on the current data's held-out part, split the way its training run
/// splits (<c>matchengine evaluate VERSION</c> and the Models service's Evaluate): compares it with the promoted
/// version and the baselines, writes its report (replacing the earlier one) and returns the metrics JSON. Settings
/// the split and the IPS weights depend on (train share, seed, η, clip) come from the version's manifest.
/// </summary>
public static class ModelEvaluations
{
    /// <summary>
    /// Evaluates <paramref name="version"/> on data known by <paramref name="asOf"/> (null: all); an unknown version is an
    /// <see cref="ArgumentException"/>, too little data an <see cref="InvalidOperationException"/>.
    /// </summary>
    public static TrainingOutcome Evaluate(string version, DateOnly? asOf, CatalogService catalog, CandidatePool pool, ModelRegistry registry, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(progress);
        var manifest = registry.Require(version);
        var config = TrainingConfig.FromManifest(manifest.Config).ResolvedFor(manifest.Name);
        var purpose = asOf is { } d ? $"Evaluatie op de gegevens bekend op {Dutch.Date(d)}" : "Evaluatie op de huidige gegevens";
        ModelReport report;
        HeldOut heldOut;
        switch (manifest.Name)
        {
            case RankerModels.Name:
                var holdout = RankerHoldout.Build(catalog, pool, asOf, progress);
                var positions = LoggedPositions.From(catalog.Store, asOf);
                var propensity = config.IpsEta is { } eta ? new PositionPropensity(eta, config.IpsClip!.Value, false) : PositionPropensity.Estimate(holdout.Train, positions, config.IpsClip!.Value);
                report = new RankerReportWriter(registry, progress).Write(version, [], new RankerEvaluator(holdout, positions, propensity), purpose, config.Seed!.Value);
                heldOut = new(holdout.Test.Count, "vacancies", holdout.SplitDate);
                break;
            case "herinstroom":
                var survival = HerinstroomHoldout.Build(catalog.Store, asOf, config.TrainShare!.Value);
                report = new HerinstroomReportWriter(registry).Write(version, [], survival, purpose);
                heldOut = new(survival.Test.Count, "placements", survival.SplitDate);
                break;
            case "leerwerk":
                var routes = RouteSuccessHoldout.Build(catalog, asOf);
                report = new LeerwerkReportWriter(registry).Write(version, [], routes, purpose);
                heldOut = new(routes.Test.Count, "placements_with_a_route", null);
                break;
            default:
                throw new ArgumentException($"modellen van soort '{manifest.Name}' zijn niet te evalueren");
        }
        var json = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["model"] = manifest.Name,
            ["version"] = version,
            ["as_of"] = asOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["held_out"] = new Dictionary<string, object?>
            {
                ["count"] = heldOut.Count, ["of"] = heldOut.Of, ["from"] = heldOut.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            },
            ["promoted"] = registry.Promoted(manifest.Name),
            ["report"] = report.Path,
            ["models"] = report.Metrics.ToDictionary(m => m.Key, m => m.Value.ToDictionary(x => x.Key, x => Math.Round(x.Value, 4))),
        });
        return new TrainingOutcome(json, report);
    }

    /// <summary>What the evaluation held out: how many of what (an identifier), and from which day when split by time.</summary>
    private sealed record HeldOut(int Count, string Of, DateOnly? From);
}
