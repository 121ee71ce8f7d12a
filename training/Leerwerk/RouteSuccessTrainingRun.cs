using System.Diagnostics;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Leerwerk;
using MatchEngine.Engine.Risk;
using MatchEngine.Models.Herinstroom;
using MatchEngine.Models.Registry;

namespace MatchEngine.Training.Leerwerk;

/// <summary>Held-out quality of the route-success model against the base rate.</summary>
public sealed record RouteSuccessResult(string Version, int TrainRows, int TestRows, double BaseRate, double Auc, double Brier, double BrierBaseRate,
    IReadOnlyList<(double Predicted, double Observed, int Count)> Calibration, TimeSpan Duration);

/// <summary>
/// Trains the route-success model on placements with a leerwerk route whose one-year outcome is known,
/// split by start date (earlier 80% train), evaluates AUC, Brier and calibration by quintile on the later
/// 20% against the base rate, saves and promotes it.
/// </summary>
public sealed class RouteSuccessTrainingRun(CatalogService catalog, ModelRegistry registry, TextWriter progress)
{
    /// <summary>Trains on outcomes known by <paramref name="asOf"/> (null: the latest observation in the data).</summary>
    public RouteSuccessResult Run(DateOnly? asOf, int seed = 42)
    {
        var watch = Stopwatch.StartNew();
        var day = asOf ?? HerinstroomDataset.LatestObservation(catalog.Store) ?? throw new InvalidOperationException("the store has no placements; import a data folder first");
        var routes = catalog.Store.Routes().ToDictionary(r => r.Id);
        var rows = new List<(DateOnly Start, double[] Features, bool Label)>();
        foreach (var p in catalog.Store.Placements())
        {
            if (p.RouteId is null || !routes.TryGetValue(p.RouteId, out var route)) continue;
            if (RouteSuccessFeatures.Outcome(p, route, day) is not { } label) continue;
            if (catalog.Store.GetCandidate(p.CandidateId) is not { ConsentMatching: true } candidate) continue;
            rows.Add((p.Start, RouteSuccessFeatures.Of(candidate, route, p.Instruments.Contains(Instrument.Jobcoach)), label));
        }
        if (rows.Count < 50 || rows.All(r => r.Label) || rows.All(r => !r.Label))
            throw new InvalidOperationException($"only {rows.Count} placements with a route and a known one-year outcome; at least 50 of both kinds are needed");
        var ordered = rows.OrderBy(r => r.Start).ToArray();
        var cut = (int)(ordered.Length * 0.8);
        var train = ordered[..cut];
        var test = ordered[cut..];
        progress.WriteLine($"leerwerk: {train.Length} training placements with a route, {test.Length} held out");
        var model = HorizonClassifier.Train(train.Select(r => new WeightedRow(r.Features, r.Label, 1)).ToArray(), 12, seed, trees: 40, leaves: 4, minLeaf: 30);
        var predicted = model.Predict(test.Select(r => r.Features).ToArray());
        var observed = test.Select(r => r.Label).ToArray();
        var baseRate = train.Average(r => r.Label ? 1.0 : 0.0);
        var auc = Auc(predicted, observed);
        var brier = predicted.Select((p, i) => Math.Pow(p - (observed[i] ? 1 : 0), 2)).Average();
        var brierBase = observed.Select(o => Math.Pow(baseRate - (o ? 1 : 0), 2)).Average();
        var calibration = predicted.Select((p, i) => (p, o: observed[i] ? 1.0 : 0.0)).OrderBy(x => x.p).Chunk(Math.Max(1, predicted.Length / 5))
            .Select(c => (c.Average(x => x.p), c.Average(x => x.o), c.Length)).ToArray();

        var (version, dir) = registry.NewVersion(RouteSuccessModels.Name);
        model.Save(Path.Combine(dir, RouteSuccessModels.FileName));
        registry.Save(new ModelManifest
        {
            Name = RouteSuccessModels.Name, Version = version, Kind = "FastTreeBinary", CreatedAt = registry.Time.GetUtcNow(),
            TrainedFrom = train.First().Start, TrainedTo = train.Last().Start, Features = RouteSuccessFeatures.Names,
            Metrics = new Dictionary<string, double> { ["auc"] = auc, ["brier"] = brier, ["brier_base_rate"] = brierBase, ["base_rate"] = baseRate, ["test_rows"] = test.Length },
            DataHash = Hash(train), Notes = "label: route completed and still in the job, no herinstroom, 12 months after the start",
        });
        registry.Promote(version, $"training run: auc {auc:0.000}");
        return new RouteSuccessResult(version, train.Length, test.Length, baseRate, auc, brier, brierBase, calibration, watch.Elapsed);
    }

    /// <summary>Probability that a random positive is scored above a random negative (ties count half).</summary>
    private static double Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var ranked = scores.Select((s, i) => (s, l: labels[i])).OrderBy(x => x.s).ToArray();
        double rankSum = 0;
        var i = 0;
        while (i < ranked.Length)
        {
            var j = i;
            while (j + 1 < ranked.Length && ranked[j + 1].s == ranked[i].s) j++;
            var avgRank = (i + j) / 2.0 + 1;
            for (var k = i; k <= j; k++) if (ranked[k].l) rankSum += avgRank;
            i = j + 1;
        }
        var positives = labels.Count(l => l);
        var negatives = labels.Count - positives;
        return positives == 0 || negatives == 0 ? 0.5 : (rankSum - positives * (positives + 1) / 2.0) / (positives * (double)negatives);
    }

    private static string Hash(IEnumerable<(DateOnly Start, double[] Features, bool Label)> rows)
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
