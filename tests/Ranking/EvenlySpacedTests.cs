using MatchEngine.Training.Ranking;

namespace MatchEngine.Tests.Ranking;

public class EvenlySpacedTests
{
    [Fact]
    public void Take_FewerThanMax_KeepsAll() => Assert.Equal([1, 2, 3], EvenlySpaced.Take([1, 2, 3], 5));

    [Fact]
    public void Take_MoreThanMax_SpreadsOverTheWholeRange()
    {
        var picked = EvenlySpaced.Take(Enumerable.Range(0, 1000).ToArray(), 10);
        Assert.Equal([0, 100, 200, 300, 400, 500, 600, 700, 800, 900], picked);
    }

    [Fact]
    public void Take_UnevenCounts_PicksDistinctItemsInOrder()
    {
        var picked = EvenlySpaced.Take(Enumerable.Range(0, 7).ToArray(), 3);
        Assert.Equal([0, 2, 4], picked);
        Assert.Equal(picked.Distinct().Count(), picked.Count);
    }
}
