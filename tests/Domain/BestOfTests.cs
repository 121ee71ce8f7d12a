using MatchEngine.Engine.Domain;
using Best = MatchEngine.Engine.Domain.BestOf<(int Doc, float Score), MatchEngine.Tests.Domain.BestOfTests.ByScore>;

namespace MatchEngine.Tests.Domain;

/// <summary>
/// The best n of what is offered (<see cref="BestOf{T, TOrder}"/>), in a retrieval's order (higher score, then lower document),
/// against sorting everything offered: the same items in the same order, whatever the size of the top against the number offered.
/// </summary>
public sealed class BestOfTests
{
    internal readonly struct ByScore : IBestFirst<(int Doc, float Score)>
    {
        public static bool Better((int Doc, float Score) x, (int Doc, float Score) than) =>
            x.Score > than.Score || x.Score == than.Score && x.Doc < than.Doc;
    }

    [Theory]
    [InlineData(1, 50, 7)]
    [InlineData(5, 1000, 10)]
    [InlineData(5, 3, 10)]
    [InlineData(100, 5000, 40)]
    [InlineData(1000, 30_000, 2000)]
    [InlineData(1000, 999, 20)]
    public void Sorted_ManyScoresWithTies_IsTheTopOfAFullSort(int top, int offered, int distinctScores)
    {
        var random = new Random(top * 31 + offered);
        var scores = Enumerable.Range(0, offered).Select(_ => (float)random.Next(1, distinctScores + 1) / distinctScores).ToArray();
        var best = new Best(top);

        for (var doc = 0; doc < offered; doc++) best.Offer((doc, scores[doc]));

        var expected = Enumerable.Range(0, offered).OrderByDescending(d => scores[d]).ThenBy(d => d).Take(top).ToArray();
        var sorted = best.Sorted().ToArray();
        Assert.Equal(expected, sorted.Select(d => d.Doc));
        Assert.Equal(expected.Select(d => scores[d]), sorted.Select(d => d.Score));
    }

    [Fact]
    public void Floor_AfterASelection_IsTheWorstKeptAndShutsOutWhatRanksNoHigher()
    {
        var best = new Best(2);
        Assert.False(best.HasFloor);
        foreach (var (doc, score) in new[] { (0, 0.5f), (1, 0.9f), (2, 0.7f), (3, 0.1f), (4, 0.8f) }) best.Offer((doc, score));

        // Four filled the buffer of twice the top; the fifth made room by keeping the best two (0.9 and 0.7).
        Assert.Equal((2, 0.7f), best.Floor);
        Assert.False(best.Admits((5, 0.7f)));
        Assert.True(best.Admits((1, 0.7f)));
        Assert.True(best.Admits((5, 0.75f)));
        Assert.Equal([1, 4], best.Sorted().ToArray().Select(d => d.Doc));
    }

    [Fact]
    public void Offer_NoTop_AdmitsNothing()
    {
        var best = new Best(0);
        best.Offer((0, 1f));

        Assert.False(best.Admits((1, 2f)));
        Assert.True(best.Sorted().IsEmpty);
    }

    [Fact]
    public void SelectBest_EveryPositionOfARandomArray_PutsThatManyBestFirst()
    {
        var random = new Random(3);
        var items = Enumerable.Range(0, 200).Select(d => (Doc: d, Score: (float)random.Next(0, 30))).ToArray();
        var ranked = items.OrderByDescending(x => x.Score).ThenBy(x => x.Doc).ToArray();
        for (var n = 1; n <= items.Length; n++)
        {
            var copy = items.OrderBy(_ => random.Next()).ToArray();
            Best.SelectBest(copy, n);

            Assert.Equal(ranked[n - 1], copy[n - 1]);
            Assert.Equal(ranked.Take(n).Select(x => x.Doc).Order(), copy.Take(n).Select(x => x.Doc).Order());
        }
    }
}
