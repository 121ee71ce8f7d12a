using MatchEngine.Engine.Leerwerk;
using MatchEngine.Models.Herinstroom;

namespace MatchEngine.Training.Leerwerk;

/// <summary>One audited placement: its row, the out-of-time prediction, and the prediction when its Dutch is the audited median.</summary>
public sealed record BacktestPrediction(RouteSuccessRow Row, double Predicted, double PredictedAtEqualDutch);

/// <summary>
/// Out-of-time predictions for the later half of the route-success rows, for the fairness audit. The held-out fifth alone holds
/// some 150 placements, which split over three groups per attribute gives intervals wider than the gaps the audit looks for.
/// So the audit also reads earlier blocks, each predicted by a model trained the same way on every row that started before it
/// (a rolling origin): 50–60%, 60–70% and 70–80% of the rows by start, then the held-out 80–100% by the version itself. Every
/// prediction is still of placements later than all the model learned from. Stateless.
/// </summary>
public static class RouteSuccessBacktest
{
    /// <summary>Where the earlier blocks start, as shares of the rows by start; the last block is the held-out part.</summary>
    public static IReadOnlyList<double> Origins { get; } = [0.5, 0.6, 0.7];

    /// <summary>Each audited row with its predictions, in start order; <paramref name="version"/> predicts the held-out rows.</summary>
    public static IReadOnlyList<BacktestPrediction> Predictions(RouteSuccessHoldout holdout, HorizonClassifier version, RouteSuccessOptions options)
    {
        ArgumentNullException.ThrowIfNull(holdout);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(options);
        var rows = holdout.Train.Concat(holdout.Test).ToArray();
        var cuts = Origins.Select(o => (int)(rows.Length * o)).Append(holdout.Train.Count).ToArray();
        var audited = rows[cuts[0]..];
        var equalDutch = RouteSuccessFeatures.Language.Select(name => Median(audited, RouteSuccessFeatures.IndexOf(name))).ToArray();
        var predicted = new List<BacktestPrediction>();
        for (var b = 0; b + 1 < cuts.Length; b++)
        {
            var (before, block) = (rows[..cuts[b]], rows[cuts[b]..cuts[b + 1]]);
            if (block.Length == 0 || before.All(r => r.Label) || before.All(r => !r.Label)) continue;
            Predict(Train(before, options), block);
        }
        Predict(version, [.. holdout.Test]);
        return predicted;

        void Predict(HorizonClassifier model, RouteSuccessRow[] block)
        {
            var plain = model.Predict([.. block.Select(r => r.Features)]);
            var atEqualDutch = model.Predict([.. block.Select(r => AtEqualDutch(r.Features, equalDutch))]);
            predicted.AddRange(block.Select((r, i) => new BacktestPrediction(r, plain[i], atEqualDutch[i])));
        }
    }

    /// <summary>The route-success model on <paramref name="rows"/> with <paramref name="options"/>, as a training run makes it.</summary>
    public static HorizonClassifier Train(IReadOnlyList<RouteSuccessRow> rows, RouteSuccessOptions options)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(options);
        return HorizonClassifier.Train([.. rows.Select(r => new WeightedRow(r.Features, r.Label, 1))], 12, options.Seed,
            trees: options.Trees, leaves: options.Leaves, minLeaf: options.MinExamplesPerLeaf);
    }

    private static double[] AtEqualDutch(double[] features, double[] values)
    {
        var copy = (double[])features.Clone();
        for (var i = 0; i < values.Length; i++) copy[RouteSuccessFeatures.IndexOf(RouteSuccessFeatures.Language[i])] = values[i];
        return copy;
    }

    private static double Median(IReadOnlyList<RouteSuccessRow> rows, int feature)
    {
        var values = rows.Select(r => r.Features[feature]).Order().ToArray();
        return values.Length == 0 ? 0 : values[values.Length / 2];
    }
}
