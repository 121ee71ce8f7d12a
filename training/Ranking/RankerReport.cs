using System.Text.Json;

namespace MatchEngine.Training.Ranking;

/// <summary>
/// The JSON line a ranker run prints: split sizes, retrieval recall, every model's held-out metrics (under
/// <c>whole_pool</c> the whole-pool ones, under <c>logged_proposals</c> those on the logged proposals; the flat keys
/// repeat the latter for existing readers), what was promoted.
/// </summary>
public static class RankerReport
{
    public static string Json(RankerRunResult r) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["model"] = "ranker",
        ["promoted"] = r.Promoted,
        ["split_date"] = r.SplitDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["train_vacancies"] = r.TrainGroups,
        ["test_vacancies"] = r.TestGroups,
        ["train_pairs"] = r.TrainRows,
        ["best"] = r.Best,
        ["retrieval_recall"] = Math.Round(r.RetrievalRecall, 4),
        ["whole_pool_retrieval_recall"] = Math.Round(r.WholePoolRetrievalRecall, 4),
        ["whole_pool_groups"] = r.Evaluator.Holdout.WholePool.Groups.Count,
        [RankerTrainingRun.ProposalAucKey] = Math.Round(r.Predictability.Auc, 4),
        ["narrow_history"] = r.Predictability.IsNarrow,
        ["data_hash"] = r.DataHash,
        ["seconds"] = Math.Round(r.Duration.TotalSeconds, 1),
        ["promotion_blocked"] = r.PromotionBlocked,
        ["fairness"] = Fairness.FairnessJson.Of(r.Fairness, r.FairnessThreshold),
        ["fairness_seconds"] = Math.Round(r.AuditDuration.TotalSeconds, 1),
        ["models"] = r.Models.ToDictionary(m => m.Name, m => (object)new Dictionary<string, object?>
        {
            ["version"] = m.Version,
            ["whole_pool"] = m.WholePool.ToDictionary().ToDictionary(x => x.Key["whole_pool.".Length..], x => Math.Round(x.Value, 4)),
            ["logged_proposals"] = new Dictionary<string, double>
            {
                ["ndcg@5"] = Math.Round(m.Metrics.Ndcg5, 4), ["ndcg@10"] = Math.Round(m.Metrics.Ndcg10, 4), ["map"] = Math.Round(m.Metrics.Map, 4),
                ["recall@50"] = Math.Round(m.Metrics.RecallAt50, 4), ["ips_ndcg@10"] = Math.Round(m.IpsNdcg10, 4), ["ips_recall@10"] = Math.Round(m.IpsRecall10, 4),
            },
            ["ndcg@5"] = Math.Round(m.Metrics.Ndcg5, 4),
            ["ndcg@10"] = Math.Round(m.Metrics.Ndcg10, 4),
            ["map"] = Math.Round(m.Metrics.Map, 4),
            ["recall@50"] = Math.Round(m.Metrics.RecallAt50, 4),
            ["ips_ndcg@10"] = Math.Round(m.IpsNdcg10, 4),
            ["ips_recall@10"] = Math.Round(m.IpsRecall10, 4),
        }),
        ["ips"] = new Dictionary<string, object>
        {
            ["eta"] = Math.Round(r.Evaluator.Propensity.Eta, 4), ["estimated"] = r.Evaluator.Propensity.Estimated,
            ["clip"] = r.Evaluator.Propensity.Clip, ["logged_pairs"] = r.Evaluator.LoggedPairs,
        },
    });
}
