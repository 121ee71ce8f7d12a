namespace MatchEngine.Tests.Survival;

/// <summary>O(n²) oracle for the concordance pair counts, written straight from the definition.</summary>
internal static class PairwiseConcordance
{
    public static (long Concordant, long Discordant, long TiedRisk, long TiedTime, long TiedBoth) Compute(
        IReadOnlyList<double> time, IReadOnlyList<bool> @event, IReadOnlyList<double> risk)
    {
        long c = 0, d = 0, tx = 0, ty = 0, txy = 0;
        for (var i = 0; i < time.Count; i++)
        {
            for (var j = i + 1; j < time.Count; j++)
            {
                var (a, b) = time[i] < time[j] || (time[i] == time[j] && @event[i] && !@event[j]) ? (i, j) : (j, i);
                if (time[a] == time[b] && @event[a] && @event[b])
                {
                    if (risk[a] == risk[b]) txy++; else ty++;
                    continue;
                }
                if (!@event[a]) continue;
                if (risk[a] > risk[b]) c++;
                else if (risk[a] < risk[b]) d++;
                else tx++;
            }
        }
        return (c, d, tx, ty, txy);
    }
}
