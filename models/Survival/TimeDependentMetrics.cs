namespace MatchEngine.Models.Survival;

/// <summary>
/// Accuracy of predictions of "event by time t" (cumulative cases: event at Tᵢ ≤ t; dynamic controls:
/// Tᵢ &gt; t, or censored exactly at t, since S(t) = P(T &gt; t) and a censoring at t means event-free
/// through t). Without censoring weights, subjects censored before t are left out (their status at t is
/// unknown), which is exact when nobody is censored before t. With inverse-probability-of-censoring
/// weights, G is the Kaplan–Meier of the censorings; a case weighs 1/G(Tᵢ−), a control 1/G(t−), and a
/// subject censored before t weighs 0 (Graf 1999, Uno 2007). A censoring at the same time as an event
/// is taken to happen just after it. Stateless, thread-safe.
/// </summary>
public static class TimeDependentMetrics
{
    /// <summary>
    /// Brier score at <paramref name="t"/>: the (weighted) mean of (1{T &gt; t} − Ŝ(t | x))², in [0, 1];
    /// lower is better. <paramref name="survivalAtT"/> holds each subject's predicted S(t | x) in [0, 1].
    /// </summary>
    public static double BrierScore(double t, IReadOnlyList<double> time, IReadOnlyList<bool> @event, IReadOnlyList<double> survivalAtT, bool censoringWeights = false)
    {
        ArgumentNullException.ThrowIfNull(survivalAtT);
        var weights = Weights(t, time, @event, censoringWeights);
        SurvivalChecks.SameLength(time.Count, survivalAtT.Count, nameof(survivalAtT));
        double sum = 0, total = 0;
        for (var i = 0; i < time.Count; i++)
        {
            if (weights[i] == 0) continue;
            var observed = IsControl(t, time[i], @event[i]) ? 1.0 : 0.0;
            var error = observed - survivalAtT[i];
            sum += weights[i] * error * error;
            total += censoringWeights ? 1 : weights[i];
        }
        // With weights the mean is over all n subjects, the censored ones included with weight 0 (Graf).
        return sum / (censoringWeights ? time.Count : total);
    }

    /// <summary>
    /// Cumulative/dynamic AUC at <paramref name="t"/>: the (weighted) probability that a subject with an
    /// event by t has a higher <paramref name="risk"/> than one still event-free after t, ties counting
    /// one half; in [0, 1], 0.5 is chance. NaN when there are no cases or no controls.
    /// </summary>
    public static double CumulativeDynamicAuc(double t, IReadOnlyList<double> time, IReadOnlyList<bool> @event, IReadOnlyList<double> risk, bool censoringWeights = false)
    {
        ArgumentNullException.ThrowIfNull(risk);
        var weights = Weights(t, time, @event, censoringWeights);
        SurvivalChecks.SameLength(time.Count, risk.Count, nameof(risk));
        var controls = Enumerable.Range(0, time.Count).Where(i => IsControl(t, time[i], @event[i])).Select(i => risk[i]).Order().ToArray();
        double sum = 0, caseWeight = 0;
        for (var i = 0; i < time.Count; i++)
        {
            if (time[i] > t || !@event[i]) continue;
            var below = LowerBound(controls, risk[i]);
            var equal = LowerBound(controls, Math.BitIncrement(risk[i])) - below;
            sum += weights[i] * (below + (equal / 2.0));
            caseWeight += weights[i];
        }
        return sum / (caseWeight * controls.Length);
    }

    private static double[] Weights(double t, IReadOnlyList<double> time, IReadOnlyList<bool> @event, bool censoringWeights)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(@event);
        SurvivalChecks.TimesAndEvents(time, @event);
        var censoring = censoringWeights ? KaplanMeier.Fit(time, [.. @event.Select(e => !e)]) : null;
        var weights = new double[time.Count];
        for (var i = 0; i < time.Count; i++)
        {
            if (IsControl(t, time[i], @event[i]))
            {
                weights[i] = censoring is null ? 1.0 : 1.0 / censoring.SurvivalJustBefore(t);
            }
            else if (@event[i])
            {
                weights[i] = censoring is null ? 1.0 : 1.0 / censoring.SurvivalJustBefore(time[i]);
            }
        }
        return weights;
    }

    private static bool IsControl(double t, double time, bool @event) => time > t || (time == t && !@event);

    private static int LowerBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
