using MatchEngine.Training.Ranking;

namespace MatchEngine.Tests.Ranking;

public sealed class HistoryCoverageTests
{
    private static readonly string[] Names = ["months_in_bijstand", "distance_km"];

    [Fact]
    public void Of_AQuarterOfThePoolWithSpellsTheHistoryNeverShows_IsOneGapWithBothShares()
    {
        // The history: spells of 12 to 111 months; the pool: a quarter with spells of 0 to 11, the rest like the history.
        // Distance is spread alike in both.
        var history = Enumerable.Range(0, 1000).Select(i => new float[] { 12 + i % 100, i % 30 }).ToArray();
        var pool = Enumerable.Range(0, 1000).Select(i => new float[] { i < 250 ? i % 12 : 12 + i % 100, i % 30 }).ToArray();

        var gap = Assert.Single(HistoryCoverage.Of(history, pool, Names));

        Assert.Equal("months_in_bijstand", gap.Feature);
        Assert.Equal(0f, gap.From);
        // The tenths of the pool below its third decile hold the unseen spells; the third also holds seen ones.
        Assert.InRange(gap.To, 8f, 11f);
        Assert.InRange(gap.PoolShare, 0.18, 0.25);
        Assert.Equal(0.0, gap.HistoryShare);
    }

    [Fact]
    public void Of_ARangeTheHistoryShowsAsOftenAsThePool_IsNoGap()
    {
        // The history as the pool: a fifth of each with spells under a year.
        var history = Enumerable.Range(0, 1000).Select(i => new float[] { i % 5 == 0 ? i % 12 : 12 + i % 100, 5 }).ToArray();
        var pool = Enumerable.Range(0, 1000).Select(i => new float[] { i % 5 == 0 ? i % 12 : 12 + i % 100, 5 }).ToArray();

        Assert.Empty(HistoryCoverage.Of(history, pool, Names));
    }

    [Fact]
    public void Of_AnUnseenRangeOfLessThanFivePercentOfThePool_IsNoGap()
    {
        var history = Enumerable.Range(0, 1000).Select(i => new float[] { 12 + i % 100, 5 }).ToArray();
        var pool = Enumerable.Range(0, 1000).Select(i => new float[] { i < 40 ? 3 : 12 + i % 100, 5 }).ToArray();

        Assert.Empty(HistoryCoverage.Of(history, pool, Names));
    }

    [Fact]
    public void Of_NoHistoryOrNoPool_IsNoGap()
    {
        float[][] some = [[1, 2]];
        Assert.Empty(HistoryCoverage.Of([], some, Names));
        Assert.Empty(HistoryCoverage.Of(some, [], Names));
    }
}
