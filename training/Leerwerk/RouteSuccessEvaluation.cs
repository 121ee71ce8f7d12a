namespace MatchEngine.Training.Leerwerk;

/// <summary>Held-out quality of route-success predictions: AUC, Brier score, and calibration by quintile of the prediction. Stateless.</summary>
public static class RouteSuccessEvaluation
{
    /// <summary>Probability that a random positive is scored above a random negative (ties count half); 0.5 with one class only.</summary>
    public static double Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels) => Models.Evaluation.Auc.Of(scores, labels) ?? 0.5;

    /// <summary>Mean squared error of the probabilities.</summary>
    public static double Brier(IReadOnlyList<double> predicted, IReadOnlyList<bool> labels) =>
        predicted.Select((p, i) => Math.Pow(p - (labels[i] ? 1 : 0), 2)).Average();

    /// <summary>Mean predicted and observed success per quintile of the prediction (lowest first), with the count.</summary>
    public static IReadOnlyList<(double Predicted, double Observed, int Count)> Calibration(IReadOnlyList<double> predicted, IReadOnlyList<bool> labels) =>
        [.. predicted.Select((p, i) => (p, o: labels[i] ? 1.0 : 0.0)).OrderBy(x => x.p).Chunk(Math.Max(1, predicted.Count / 5))
            .Select(c => (c.Average(x => x.p), c.Average(x => x.o), c.Length))];
}
