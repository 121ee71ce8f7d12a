namespace MatchEngine.Models.Evaluation;

/// <summary>The area under the ROC curve of scores against yes/no labels. Stateless.</summary>
public static class Auc
{
    /// <summary>
    /// The chance that a random positive scores above a random negative, ties counting half (the Mann–Whitney statistic over
    /// the ranks, tied scores at their mean rank); null without a positive or without a negative.
    /// </summary>
    public static double? Of(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(positive);
        if (scores.Count != positive.Count) throw new ArgumentException($"{scores.Count} scores against {positive.Count} labels", nameof(positive));
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        double positives = 0, rankSum = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]]) end++;
            var meanRank = (start + end) / 2.0 + 1;
            for (var k = start; k <= end; k++)
                if (positive[order[k]])
                {
                    positives++;
                    rankSum += meanRank;
                }
            start = end + 1;
        }
        var negatives = order.Length - positives;
        return positives == 0 || negatives == 0 ? null : (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
    }
}
