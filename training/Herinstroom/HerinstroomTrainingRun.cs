using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Risk;
using MatchEngine.Engine.Store;
using MatchEngine.Models.Herinstroom;
using MatchEngine.Models.Registry;
using MatchEngine.Training.Fairness;
using MatchEngine.Models.Survival;

namespace MatchEngine.Training.Herinstroom;

/// <summary>
/// Trains the herinstroom models on the store's placements as known on an as-of date (default: the
/// latest observed_until): placements of consenting candidates, time split by start as
/// <see cref="HerinstroomHoldout"/> makes it (held out: the later 20% of the placements followed for 12 months). (a) Cox PH with Efron ties on <see cref="HerinstroomFeatures"/>, constant
/// and collinear columns dropped, risks from the Breslow baseline; (b) FastTree per horizon with IPCW
/// weights. Both are evaluated on the held-out placements, saved under <see cref="HerinstroomModels.Name"/>,
/// and the better one (C-index, ties within 0.001 by Brier) is promoted.
/// </summary>
public sealed class HerinstroomTrainingRun(ICatalogStore store, ModelRegistry registry, TextWriter progress)
{
    /// <summary>C-index differences up to this count as a tie (then Brier decides).</summary>
    public const double CIndexTie = 0.001;

    /// <summary>Trains, evaluates and audits both models; promotes the better one when it passes the registry's fairness policy.</summary>
    public HerinstroomRunResult Run(DateOnly? asOf, HerinstroomOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var fairnessThreshold = registry.Fairness.Threshold;
        var watch = Stopwatch.StartNew();
        var holdout = HerinstroomHoldout.Build(store, asOf, options.TrainShare);
        var (day, split, train, test) = (holdout.AsOf, holdout.SplitDate, holdout.Train, holdout.Test);
        if (train.Count(x => x.Obs.Event) == 0 || test.Count(x => x.Obs.Event) == 0)
            throw new InvalidOperationException("geen herinstroom in de trainings- of de achtergehouden plaatsingen; trainen en evalueren kan niet");
        double[][] trainX = [.. train.Select(x => x.Case.Features)];
        double[] trainTime = [.. train.Select(x => x.Obs.Months)];
        bool[] trainEvent = [.. train.Select(x => x.Obs.Event)];
        double[][] testX = [.. test.Select(x => x.Case.Features)];
        double[] testTime = [.. test.Select(x => x.Obs.Months)];
        bool[] testEvent = [.. test.Select(x => x.Obs.Event)];
        var hash = Hash(train);
        progress.WriteLine($"herinstroom: as of {day:yyyy-MM-dd}; {train.Count} training placements ({trainEvent.Count(e => e)} herinstroom) " +
                           $"started before {split:yyyy-MM-dd}, {test.Count} held out ({testEvent.Count(e => e)})");

        progress.WriteLine("herinstroom: fitting Cox (Efron) …");
        var columns = CollinearityGuard.UsableColumns(trainX);
        var names = HerinstroomFeatures.Names;
        var dropped = Enumerable.Range(0, names.Count).Except(columns).Select(i => names[i]).ToArray();
        if (dropped.Length > 0) progress.WriteLine($"herinstroom: dropped constant or collinear features: {string.Join(", ", dropped)}");
        var fit = CoxRegression.Fit([.. trainX.Select(r => columns.Select(j => r[j]).ToArray())], trainTime, trainEvent, CoxTies.Efron, [.. columns.Select(j => names[j])]);
        var cox = CoxRiskModel.From(fit, names, columns);
        var coxMetrics = Evaluate(cox, testX, testTime, testEvent);
        var auditCases = test.Select(x => (x.Case.Candidate, x.Case.Placement.Start, x.Obs)).ToArray();
        var coxFairness = HerinstroomFairnessAudit.Audit(auditCases, [.. cox.Predict(testX).Select(c => c.At(HerinstroomHorizons.Evaluation))], options.Seed);

        progress.WriteLine($"herinstroom: training FastTree per horizon ({options.Trees} trees, IPCW) …");
        var trees = FastTreeIpcwModel.Train(trainX, trainTime, trainEvent, names, options.Seed, options.Trees);
        var treeMetrics = Evaluate(trees, testX, testTime, testEvent);
        var treeFairness = HerinstroomFairnessAudit.Audit(auditCases, [.. trees.Predict(testX).Select(c => c.At(HerinstroomHorizons.Evaluation))], options.Seed);

        var from = train[0].Case.Placement.Start;
        var to = train[^1].Case.Placement.Start;
        var lastHeldOut = test[^1].Case.Placement.Start;
        var notes = $"peildatum {Dutch.Date(day)}; tijdsplitsing op {Dutch.Date(split)}; {Dutch.Whole(train.Count)} trainings- en {Dutch.Whole(test.Count)} achtergehouden " +
                    $"plaatsingen, gestart tot en met {Dutch.Date(lastHeldOut)}"
            + (lastHeldOut <= day.AddMonths(-(int)HerinstroomHorizons.Evaluation) ? " (elk de volle 12 maanden gevolgd)"
                : " (te weinig plaatsingen met 12 maanden follow-up: de achtergehouden plaatsingen zijn korter gevolgd)");
        var coxVersion = Save(HerinstroomModels.CoxKind, cox.Terms, coxMetrics, coxFairness, from, to, hash,
            notes + $"; Efron voor gelijke tijden, Breslow-basisrisico, {(fit.Converged ? "geconvergeerd in" : "niet geconvergeerd na")} {fit.Iterations} iteraties; " +
                    $"weggelaten kolommen: {(dropped.Length == 0 ? "geen" : string.Join(", ", dropped))}",
            dir => cox.Save(Path.Combine(dir, HerinstroomModels.CoxFileName)));
        var treeVersion = Save(HerinstroomModels.FastTreeKind, names, treeMetrics, treeFairness, from, to, hash,
            notes + $"; {options.Trees} bomen per horizon, seed {options.Seed}; uitgelegd door het Cox-model {coxVersion}",
            dir =>
            {
                trees.Save(dir);
                cox.Save(Path.Combine(dir, HerinstroomModels.CoxFileName));
            });

        var results = new[] { new HerinstroomModelResult("cox", coxVersion, coxMetrics), new HerinstroomModelResult("fasttree_ipcw", treeVersion, treeMetrics) };
        var best = Better(results[0], results[1]);
        var fairness = best == results[0] ? coxFairness : treeFairness;
        var chosen = registry.Require(best.Version) with { Selected = true };
        registry.Save(chosen);
        string? blocked = null;
        if (FairnessGate.Refusal(chosen, registry.Fairness) is not { } refusal)
        {
            registry.Promote(best.Version, $"trainingsrun: beste C-index op de achtergehouden plaatsingen {Dutch.Exact(Math.Round(best.Metrics.CIndex, 3))} " +
                                          $"(Brier na 12 maanden {Dutch.Exact(Math.Round(best.Metrics.Brier12, 4))}); eerlijkheidstoets doorstaan");
            progress.WriteLine($"herinstroom: promoted {best.Version} ({best.Name})");
        }
        else
        {
            blocked = $"{refusal}: `matchengine models promote {best.Version} --override-fairness \"reason\"`";
            progress.WriteLine($"herinstroom: promotion blocked — {blocked}");
        }
        foreach (var flag in FairnessGate.Flags(fairness)) progress.WriteLine($"herinstroom: {flag}");
        return new HerinstroomRunResult(day, split, train.Count, trainEvent.Count(e => e), test.Count, testEvent.Count(e => e), cox.Terms, results,
            blocked is null ? best.Version : null, hash, watch.Elapsed, fairness, blocked) { FairnessThreshold = fairnessThreshold };
    }

    /// <summary>The better of two models: higher C-index, or within <see cref="CIndexTie"/> the lower Brier score.</summary>
    public static HerinstroomModelResult Better(HerinstroomModelResult a, HerinstroomModelResult b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (Math.Abs(a.Metrics.CIndex - b.Metrics.CIndex) > CIndexTie) return a.Metrics.CIndex > b.Metrics.CIndex ? a : b;
        return b.Metrics.Brier12 < a.Metrics.Brier12 ? b : a;
    }

    private static HerinstroomMetrics Evaluate(IHerinstroomModel model, double[][] x, double[] time, bool[] @event) =>
        HerinstroomEvaluation.Evaluate(time, @event, [.. model.Predict(x).Select(c => c.At(HerinstroomHorizons.Evaluation))]);

    private string Save(string kind, IReadOnlyList<string> features, HerinstroomMetrics metrics, FairnessAudit fairness, DateOnly from, DateOnly to, string hash, string notes, Action<string> write)
    {
        var (version, dir) = registry.NewVersion(HerinstroomModels.Name);
        write(dir);
        registry.Save(new ModelManifest
        {
            Name = HerinstroomModels.Name, Version = version, Kind = kind, CreatedAt = registry.Time.GetUtcNow(),
            TrainedFrom = from, TrainedTo = to, Features = features, Metrics = metrics.ToDictionary(), DataHash = hash, Notes = notes, Fairness = fairness,
        });
        return version;
    }

    private static string Hash(IEnumerable<(HerinstroomCase Case, SurvivalObservation Obs)> rows)
    {
        var text = new StringBuilder();
        foreach (var (c, o) in rows)
        {
            text.Append(c.Placement.Id).Append(';').Append(o.Months.ToString("R", CultureInfo.InvariantCulture)).Append(';').Append(o.Event ? '1' : '0');
            foreach (var f in c.Features) text.Append(';').Append(f.ToString("R", CultureInfo.InvariantCulture));
            text.Append('\n');
        }
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
