namespace MatchEngine.Models.Survival;

/// <summary>
/// Harrell's C for right-censored data, counted as R's <c>survival::concordance</c>: a pair is
/// comparable when the shorter time is an event; two events at the same time are not compared; an
/// event and a censoring at the same time are compared with the censored subject as the longer; equal
/// risks count one half. O(n log n) (sort by time, Fenwick tree over risk ranks). Stateless, thread-safe.
/// </summary>
public static class Concordance
{
    /// <summary>
    /// Concordance of <paramref name="risk"/> (higher = event expected sooner, e.g. a Cox linear predictor)
    /// with the observed <paramref name="time"/> (≥ 0) and <paramref name="event"/> (true = observed).
    /// Pass −prediction for predictions where higher means longer survival.
    /// </summary>
    public static ConcordanceResult Compute(IReadOnlyList<double> time, IReadOnlyList<bool> @event, IReadOnlyList<double> risk)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(@event);
        ArgumentNullException.ThrowIfNull(risk);
        SurvivalChecks.TimesAndEvents(time, @event);
        SurvivalChecks.SameLength(time.Count, risk.Count, nameof(risk));
        if (risk.Any(double.IsNaN)) throw new ArgumentException("risk has NaN values", nameof(risk));

        var n = time.Count;
        var (rank, ranks) = Ranks(risk);
        var ascending = Enumerable.Range(0, n).OrderBy(i => time[i]).ToArray();
        // Per-subject counts of the pairs it takes part in, for the jackknife variance.
        var concordant = new long[n];
        var discordant = new long[n];
        var tied = new long[n];
        long totalConcordant = 0, totalDiscordant = 0, totalTied = 0, tiedTime = 0, tiedBoth = 0;

        var longer = new FenwickTree(ranks);
        var groups = Groups(ascending, time);
        foreach (var (start, end) in Enumerable.Reverse(groups))
        {
            for (var k = start; k < end; k++)
            {
                if (!@event[ascending[k]]) longer.Add(rank[ascending[k]]);
            }
            var eventsHere = new Dictionary<int, long>();
            long eventCount = 0;
            for (var k = start; k < end; k++)
            {
                var i = ascending[k];
                if (!@event[i]) continue;
                var (below, equal, above) = longer.Split(rank[i]);
                concordant[i] += below;
                discordant[i] += above;
                tied[i] += equal;
                totalConcordant += below;
                totalDiscordant += above;
                totalTied += equal;
                eventsHere[rank[i]] = eventsHere.GetValueOrDefault(rank[i]) + 1;
                eventCount++;
            }
            var sameRisk = eventsHere.Values.Sum(c => c * (c - 1) / 2);
            tiedBoth += sameRisk;
            tiedTime += (eventCount * (eventCount - 1) / 2) - sameRisk;
            for (var k = start; k < end; k++)
            {
                if (@event[ascending[k]]) longer.Add(rank[ascending[k]]);
            }
        }

        var shorter = new FenwickTree(ranks);
        foreach (var (start, end) in groups)
        {
            CountAsLonger(start, end, wantEvent: true);
            for (var k = start; k < end; k++)
            {
                if (@event[ascending[k]]) shorter.Add(rank[ascending[k]]);
            }
            CountAsLonger(start, end, wantEvent: false);
        }

        var comparable = (double)(totalConcordant + totalDiscordant + totalTied);
        var somers = (totalConcordant - totalDiscordant) / comparable;
        var variance = 0.0;
        for (var i = 0; i < n; i++)
        {
            var influence = (concordant[i] - discordant[i] - (somers * (concordant[i] + discordant[i] + tied[i]))) / comparable;
            variance += influence * influence;
        }
        return new ConcordanceResult(totalConcordant, totalDiscordant, totalTied, tiedTime, tiedBoth, Math.Sqrt(variance) / 2);

        void CountAsLonger(int start, int end, bool wantEvent)
        {
            for (var k = start; k < end; k++)
            {
                var j = ascending[k];
                if (@event[j] != wantEvent) continue;
                var (below, equal, above) = shorter.Split(rank[j]);
                concordant[j] += above;
                discordant[j] += below;
                tied[j] += equal;
            }
        }
    }

    private static (int[] Rank, int Count) Ranks(IReadOnlyList<double> risk)
    {
        var distinct = risk.Distinct().Order().ToArray();
        var rank = new int[risk.Count];
        for (var i = 0; i < rank.Length; i++) rank[i] = Array.BinarySearch(distinct, risk[i]);
        return (rank, distinct.Length);
    }

    private static List<(int Start, int End)> Groups(int[] ascending, IReadOnlyList<double> time)
    {
        var groups = new List<(int, int)>();
        for (var start = 0; start < ascending.Length;)
        {
            var end = start;
            while (end < ascending.Length && time[ascending[end]] == time[ascending[start]]) end++;
            groups.Add((start, end));
            start = end;
        }
        return groups;
    }
}
