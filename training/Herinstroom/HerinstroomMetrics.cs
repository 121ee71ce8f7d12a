namespace MatchEngine.Training.Herinstroom;

/// <summary>
/// Held-out metrics of one herinstroom model at 12 months: Harrell's C on the 12-month risk, IPCW
/// cumulative/dynamic AUC, IPCW Brier score, and calibration per risk decile (observed Kaplan–Meier risk
/// minus mean predicted risk, in probability units; index 0 is the lowest-risk decile).
/// </summary>
public sealed record HerinstroomMetrics(double CIndex, double Auc12, double Brier12, IReadOnlyList<double> DecilePredicted, IReadOnlyList<double> DecileObserved)
{
    /// <summary>Observed minus predicted per decile.</summary>
    public IReadOnlyList<double> DecileGaps => [.. DecileObserved.Select((o, i) => o - DecilePredicted[i])];

    /// <summary>Largest absolute decile gap.</summary>
    public double MaxDecileGap => DecileGaps.Select(Math.Abs).DefaultIfEmpty(double.NaN).Max();

    /// <summary>Flat metrics for the manifest: c_index, auc_12m, brier_12m, calibration_max_gap_12m, calibration_gap_d1..d10, predicted_d*, observed_d*.</summary>
    public IReadOnlyDictionary<string, double> ToDictionary()
    {
        var d = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["c_index"] = CIndex,
            ["auc_12m"] = Auc12,
            ["brier_12m"] = Brier12,
            ["calibration_max_gap_12m"] = MaxDecileGap,
        };
        for (var i = 0; i < DecileGaps.Count; i++)
        {
            d[$"calibration_gap_d{i + 1}"] = DecileGaps[i];
            d[$"predicted_12m_d{i + 1}"] = DecilePredicted[i];
            d[$"observed_12m_d{i + 1}"] = DecileObserved[i];
        }
        return d;
    }
}
