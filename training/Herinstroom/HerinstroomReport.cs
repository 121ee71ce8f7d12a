using System.Globalization;
using System.Text.Json;

namespace MatchEngine.Training.Herinstroom;

/// <summary>The JSON line a herinstroom run prints: split, data, both models' held-out metrics, what was promoted.</summary>
public static class HerinstroomReport
{
    public static string Json(HerinstroomRunResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["model"] = "herinstroom",
            ["promoted"] = r.Promoted,
            ["as_of"] = r.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["split_date"] = r.SplitDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["train_placements"] = r.TrainPlacements,
            ["train_events"] = r.TrainEvents,
            ["test_placements"] = r.TestPlacements,
            ["test_events"] = r.TestEvents,
            ["cox_features"] = r.CoxFeatures,
            ["data_hash"] = r.DataHash,
            ["seconds"] = Math.Round(r.Duration.TotalSeconds, 1),
            ["promotion_blocked"] = r.PromotionBlocked,
            ["fairness"] = Fairness.FairnessJson.Of(r.Fairness, r.FairnessThreshold),
            ["models"] = r.Models.ToDictionary(m => m.Name, m => (object)new Dictionary<string, object>
            {
                ["version"] = m.Version,
                ["c_index"] = Math.Round(m.Metrics.CIndex, 4),
                ["auc_12m"] = Math.Round(m.Metrics.Auc12, 4),
                ["brier_12m"] = Math.Round(m.Metrics.Brier12, 4),
                ["calibration_max_gap_12m"] = Math.Round(m.Metrics.MaxDecileGap, 4),
                ["calibration_gaps_12m"] = m.Metrics.DecileGaps.Select(g => Math.Round(g, 4)).ToArray(),
            }),
        });
    }
}
