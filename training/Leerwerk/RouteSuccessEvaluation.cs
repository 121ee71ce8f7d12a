namespace MatchEngine.Training.Leerwerk;

/// <summary>Held-out quality of route-success predictions: AUC, Brier score, and calibration by quintile of the prediction. Stateless.</summary>
public static class RouteSuccessEvaluation
{
    /// <summary>Probability that a random positive is scored above a random negative (ties count half).</summary>
    public static double Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
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

    /// <summary>Mean squared error of the probabilities.</summary>
    public static double Brier(IReadOnlyList<double> predicted, IReadOnlyList<bool> labels) =>
        predicted.Select((p, i) => Math.Pow(p - (labels[i] ? 1 : 0), 2)).Average();

    /// <summary>Mean predicted and observed success per quintile of the prediction (lowest first), with the count.</summary>
    public static IReadOnlyList<(double Predicted, double Observed, int Count)> Calibration(IReadOnlyList<double> predicted, IReadOnlyList<bool> labels) =>
        [.. predicted.Select((p, i) => (p, o: labels[i] ? 1.0 : 0.0)).OrderBy(x => x.p).Chunk(Math.Max(1, predicted.Count / 5))
            .Select(c => (c.Average(x => x.p), c.Average(x => x.o), c.Length))];
}
