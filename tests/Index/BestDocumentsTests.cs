using MatchEngine.Engine.Index;

namespace MatchEngine.Tests.Index;

/// <summary>
/// The best n documents of a retrieval (<see cref="BestDocuments"/>) against sorting everything offered: the same documents in
/// the same order, ties in score going to the lower document, whatever the size of the top against the number offered.
/// </summary>
public sealed class BestDocumentsTests
{
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
        var best = new BestDocuments(top);

        for (var doc = 0; doc < offered; doc++) best.Offer(doc, scores[doc]);

        var expected = Enumerable.Range(0, offered).OrderByDescending(d => scores[d]).ThenBy(d => d).Take(top).ToArray();
        var sorted = best.Sorted();
        Assert.Equal(expected, sorted.Select(d => d.Doc));
        Assert.Equal(expected.Select(d => scores[d]), sorted.Select(d => d.Score));
    }

    [Fact]
    public void Floor_AfterASelection_IsTheWorstKeptAndShutsOutWhatScoresNoHigher()
    {
        var best = new BestDocuments(2);
        Assert.Equal(0, best.Floor);
        foreach (var (doc, score) in new[] { (0, 0.5f), (1, 0.9f), (2, 0.7f), (3, 0.1f), (4, 0.8f) }) best.Offer(doc, score);

        // Four filled the buffer of twice the top; the fifth made room by keeping the best two (0.9 and 0.7).
        Assert.Equal(0.7f, (float)best.Floor);
        Assert.False(best.Admits(5, 0.7f));
        Assert.True(best.Admits(5, 0.75f));
        Assert.Equal([1, 4], best.Sorted().Select(d => d.Doc));
    }

    [Fact]
    public void Offer_NoTop_AdmitsNothing()
    {
        var best = new BestDocuments(0);
        best.Offer(0, 1f);

        Assert.Equal(double.PositiveInfinity, best.Floor);
        Assert.Empty(best.Sorted());
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
            BestDocuments.SelectBest(copy, n);

            Assert.Equal(ranked[n - 1], copy[n - 1]);
            Assert.Equal(ranked.Take(n).Select(x => x.Doc).Order(), copy.Take(n).Select(x => x.Doc).Order());
        }
    }
}
