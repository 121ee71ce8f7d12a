namespace MatchEngine.Models.Survival;

/// <summary>
/// The two-sample log-rank test (R's <c>survdiff</c> with rho = 0): observed against expected events in
/// one group, with the hypergeometric variance that allows for tied event times. Stateless, thread-safe.
/// </summary>
public static class LogRankTest
{
    /// <summary>Compares the subjects with <paramref name="group"/> true against the rest; a chi-square on 1 df.</summary>
    public static ChiSquareTest Compute(IReadOnlyList<double> time, IReadOnlyList<bool> @event, IReadOnlyList<bool> group)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(@event);
        ArgumentNullException.ThrowIfNull(group);
        SurvivalChecks.TimesAndEvents(time, @event);
        SurvivalChecks.SameLength(time.Count, group.Count, nameof(group));
        var order = Enumerable.Range(0, time.Count).OrderBy(i => time[i]).ToArray();
        double atRisk = time.Count, atRiskInGroup = group.Count(g => g);
        double observed = 0, expected = 0, variance = 0;
        for (var k = 0; k < order.Length;)
        {
            var t = time[order[k]];
            double deaths = 0, deathsInGroup = 0, leaving = 0, leavingGroup = 0;
            for (; k < order.Length && time[order[k]] == t; k++)
            {
                var i = order[k];
                leaving++;
                if (group[i]) leavingGroup++;
                if (!@event[i]) continue;
                deaths++;
                if (group[i]) deathsInGroup++;
            }
            if (deaths > 0)
            {
                var share = atRiskInGroup / atRisk;
                observed += deathsInGroup;
                expected += deaths * share;
                if (atRisk > 1) variance += deaths * share * (1 - share) * (atRisk - deaths) / (atRisk - 1);
            }
            atRisk -= leaving;
            atRiskInGroup -= leavingGroup;
        }
        var difference = observed - expected;
        return new ChiSquareTest(difference * difference / variance, 1);
    }
}
