using System.Text.Json;

namespace MatchEngine.Training.Leerwerk;

/// <summary>The JSON line a route-success run prints.</summary>
public static class RouteSuccessReport
{
    public static string Json(RouteSuccessResult r) => JsonSerializer.Serialize(new
    {
        model = "leerwerk", promoted = r.Promoted, best = r.Version, promotion_blocked = r.PromotionBlocked, data_hash = r.DataHash, seconds = Math.Round(r.Duration.TotalSeconds, 1),
            train_placements = r.TrainRows, test_placements = r.TestRows,
        base_rate = Math.Round(r.BaseRate, 4), auc = Math.Round(r.Auc, 4), brier = Math.Round(r.Brier, 4), brier_base_rate = Math.Round(r.BrierBaseRate, 4),
        calibration = r.Calibration.Select(c => new { predicted = Math.Round(c.Predicted, 3), observed = Math.Round(c.Observed, 3), n = c.Count }),
        fairness = Fairness.FairnessJson.Of(r.Fairness, r.FairnessThreshold),
    });
}
