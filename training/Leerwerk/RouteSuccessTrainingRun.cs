using System.Diagnostics;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Leerwerk;
using MatchEngine.Models.Herinstroom;
using MatchEngine.Models.Registry;

namespace MatchEngine.Training.Leerwerk;

/// <summary>Held-out quality of the route-success model against the base rate.</summary>
public sealed record RouteSuccessResult(string Version, int TrainRows, int TestRows, double BaseRate, double Auc, double Brier, double BrierBaseRate,
    IReadOnlyList<(double Predicted, double Observed, int Count)> Calibration, TimeSpan Duration, string DataHash)
{
    /// <summary>The fairness audit of the version (<see cref="Fairness.LeerwerkFairnessAudit"/>).</summary>
    public required FairnessAudit Fairness { get; init; }

    /// <summary>The registry's fairness threshold the run was held to.</summary>
    public double FairnessThreshold { get; init; }

    /// <summary>The version now served: <see cref="Version"/>, or null when the fairness gate held it back.</summary>
    public string? Promoted { get; init; }

    /// <summary>Why the version was not promoted, with the override command; null when it was.</summary>
    public string? PromotionBlocked { get; init; }
}

/// <summary>Options of a route-success run; defaults are what <c>matchengine train leerwerk</c> uses.</summary>
public sealed record RouteSuccessOptions(int Seed = 42, int Trees = 40, int Leaves = 4, int MinExamplesPerLeaf = 30);

/// <summary>
/// Trains the route-success model on placements with a leerwerk route whose one-year outcome is known,
/// split by start date (<see cref="RouteSuccessHoldout"/>: earlier 80% train), evaluates AUC, Brier and
/// calibration by quintile on the later 20% against the base rate, saves and promotes it.
/// </summary>
public sealed class RouteSuccessTrainingRun(CatalogService catalog, ModelRegistry registry, TextWriter progress)
{
    /// <summary>Trains on outcomes known by <paramref name="asOf"/> (null: the latest observation in the data).</summary>
    public RouteSuccessResult Run(DateOnly? asOf, int seed = 42) => Run(asOf, new RouteSuccessOptions(Seed: seed));

    /// <summary>Trains with <paramref name="options"/> on outcomes known by <paramref name="asOf"/>.</summary>
    public RouteSuccessResult Run(DateOnly? asOf, RouteSuccessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var watch = Stopwatch.StartNew();
        var holdout = RouteSuccessHoldout.Build(catalog, asOf);
        var (train, test) = (holdout.Train, holdout.Test);
        progress.WriteLine($"leerwerk: {train.Count} training placements with a route, {test.Count} held out");
        var model = RouteSuccessBacktest.Train(train, options);
        var predicted = model.Predict([.. test.Select(r => r.Features)]);
        var observed = test.Select(r => r.Label).ToArray();
        var baseRate = train.Average(r => r.Label ? 1.0 : 0.0);
        var auc = RouteSuccessEvaluation.Auc(predicted, observed);
        var brier = RouteSuccessEvaluation.Brier(predicted, observed);
        var brierBase = RouteSuccessEvaluation.Brier([.. observed.Select(_ => baseRate)], observed);
        var calibration = RouteSuccessEvaluation.Calibration(predicted, observed);
        var audited = RouteSuccessBacktest.Predictions(holdout, model, options);
        var fairness = Fairness.LeerwerkFairnessAudit.Audit(
            [.. audited.Select(a => new Fairness.AuditedRoute(catalog.Store.GetCandidate(a.Row.CandidateId)!, a.Row.Start, a.Row.Label, a.Predicted, a.PredictedAtEqualDutch))],
            options.Seed);

        var (version, dir) = registry.NewVersion(RouteSuccessModels.Name);
        model.Save(Path.Combine(dir, RouteSuccessModels.FileName));
        var hash = Hash(train);
        registry.Save(new ModelManifest
        {
            Name = RouteSuccessModels.Name, Version = version, Kind = "FastTreeBinary", CreatedAt = registry.Time.GetUtcNow(),
            TrainedFrom = train[0].Start, TrainedTo = train[^1].Start, Features = RouteSuccessFeatures.Names,
            Metrics = new Dictionary<string, double> { ["auc"] = auc, ["brier"] = brier, ["brier_base_rate"] = brierBase, ["base_rate"] = baseRate, ["test_rows"] = test.Count },
            DataHash = hash, Notes = $"label: route afgerond en 12 maanden na de start nog aan het werk, zonder herinstroom; opties `{options}`",
            Fairness = fairness, Selected = true,
        });
        string? blocked = null;
        if (FairnessGate.Refusal(registry.Require(version), registry.Fairness) is not { } refusal)
        {
            registry.Promote(version, $"trainingsrun: AUC {Dutch.Exact(Math.Round(auc, 3))} op de achtergehouden plaatsingen; eerlijkheidstoets doorstaan");
        }
        else
        {
            blocked = $"{refusal}: `matchengine models promote {version} --override-fairness \"reason\"`";
            progress.WriteLine($"leerwerk: promotion blocked — {blocked}");
        }
        foreach (var flag in FairnessGate.Flags(fairness)) progress.WriteLine($"leerwerk: {flag}");
        return new RouteSuccessResult(version, train.Count, test.Count, baseRate, auc, brier, brierBase, calibration, watch.Elapsed, hash)
        {
            Fairness = fairness, FairnessThreshold = registry.Fairness.Threshold, Promoted = blocked is null ? version : null, PromotionBlocked = blocked,
        };
    }

    private static string Hash(IEnumerable<RouteSuccessRow> rows)
    {
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var r in rows)
        {
            sha.AppendData(BitConverter.GetBytes(r.Start.DayNumber));
            foreach (var f in r.Features) sha.AppendData(BitConverter.GetBytes(f));
            sha.AppendData([r.Label ? (byte)1 : (byte)0]);
        }
        return Convert.ToHexString(sha.GetHashAndReset()).ToLowerInvariant();
    }
}
