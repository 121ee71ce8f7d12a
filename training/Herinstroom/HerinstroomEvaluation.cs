using MatchEngine.Models.Herinstroom;
using MatchEngine.Models.Survival;

namespace MatchEngine.Training.Herinstroom;

/// <summary>Computes <see cref="HerinstroomMetrics"/> from held-out observations and 12-month risks, with the validated survival statistics. Stateless.</summary>
public static class HerinstroomEvaluation
{
    /// <summary>Number of risk groups for calibration.</summary>
    public const int Deciles = 10;

    /// <summary>Metrics of <paramref name="risk12"/> (predicted P(herinstroom ≤ 12 months)) against <paramref name="time"/> (months) and <paramref name="event"/>.</summary>
    public static HerinstroomMetrics Evaluate(IReadOnlyList<double> time, IReadOnlyList<bool> @event, IReadOnlyList<double> risk12)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(@event);
        ArgumentNullException.ThrowIfNull(risk12);
        var t = HerinstroomHorizons.Evaluation;
        var c = Concordance.Compute(time, @event, risk12).C;
        var auc = TimeDependentMetrics.CumulativeDynamicAuc(t, time, @event, risk12, censoringWeights: true);
        var brier = TimeDependentMetrics.BrierScore(t, time, @event, [.. risk12.Select(r => 1 - r)], censoringWeights: true);
        var order = Enumerable.Range(0, time.Count).OrderBy(i => risk12[i]).ThenBy(i => i).ToArray();
        var predicted = new List<double>();
        var observed = new List<double>();
        for (var d = 0; d < Deciles && order.Length >= Deciles; d++)
        {
            var group = order[(d * order.Length / Deciles)..((d + 1) * order.Length / Deciles)];
            predicted.Add(group.Average(i => risk12[i]));
            observed.Add(1 - KaplanMeier.Fit([.. group.Select(i => time[i])], [.. group.Select(i => @event[i])]).Survival(t));
        }
        return new HerinstroomMetrics(c, auc, brier, predicted, observed);
    }
}
