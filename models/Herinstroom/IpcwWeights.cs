using MatchEngine.Models.Survival;

namespace MatchEngine.Models.Herinstroom;

/// <summary>
/// Inverse-probability-of-censoring weighted rows for "herinstroom within h months": G is the
/// Kaplan–Meier of the censoring distribution; an event at T ≤ h is a case weighing 1/G(T−); a subject
/// still followed after h (T &gt; h, or censored exactly at h) is a control weighing 1/G(h); a subject
/// censored before h weighs 0 (its status at h is unknown). Stateless and thread-safe.
/// </summary>
public static class IpcwWeights
{
    /// <summary>The Kaplan–Meier of the censorings (events and censorings swapped).</summary>
    public static KaplanMeier Censoring(IReadOnlyList<double> time, IReadOnlyList<bool> @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return KaplanMeier.Fit(time, [.. @event.Select(e => !e)]);
    }

    /// <summary>Weighted rows at horizon <paramref name="horizon"/> (months), one per subject, in input order.</summary>
    public static IReadOnlyList<WeightedRow> Rows(IReadOnlyList<double[]> features, IReadOnlyList<double> time, IReadOnlyList<bool> @event, double horizon, KaplanMeier censoring)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(@event);
        ArgumentNullException.ThrowIfNull(censoring);
        var atHorizon = censoring.Survival(horizon);
        var rows = new WeightedRow[features.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            if (@event[i] && time[i] <= horizon)
                rows[i] = new WeightedRow(features[i], true, 1.0 / censoring.SurvivalJustBefore(time[i]));
            else if (time[i] > horizon || (time[i] == horizon && !@event[i]))
                rows[i] = new WeightedRow(features[i], false, atHorizon > 0 ? 1.0 / atHorizon : 0);
            else
                rows[i] = new WeightedRow(features[i], false, 0);
        }
        return rows;
    }
}
