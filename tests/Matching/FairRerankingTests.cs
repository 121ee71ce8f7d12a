using MatchEngine.Engine.Matching;

namespace MatchEngine.Tests.Matching;

public class FairRerankingTests
{
    [Fact]
    public void Rerank_GroupBelowItsFloor_GetsItsPlacesInModelOrderAndTheRestKeepTheirs()
    {
        // Rows 0-9 are group a, 10-19 group b; the model ranks all of a first. Half the qualified are b, so b is due 0.9 · 0.5 · 10 = 4.5 → 5 places.
        var ranked = Enumerable.Range(0, 20).ToArray();
        var top = FairReranking.Rerank(ranked, i => i < 10 ? "a" : "b", _ => true, 10, 0.9);
        Assert.Equal(5, top.Count(i => i >= 10));
        Assert.Equal([10, 11, 12, 13, 14], top.Where(i => i >= 10));
        Assert.Equal([0, 1, 2, 3, 4], top.Where(i => i < 10));
        Assert.Equal(0, top[0]);
    }

    [Fact]
    public void Rerank_GroupDueLessThanHalfAPlace_IsNotForcedIn()
    {
        var ranked = Enumerable.Range(0, 100).ToArray();
        var top = FairReranking.Rerank(ranked, i => i == 99 ? "tiny" : "big", _ => true, 10, 0.9);
        Assert.Equal(Enumerable.Range(0, 10), top);
    }

    [Fact]
    public void Rerank_GroupDueLessThanHalfAPlace_KeepsThePlacesTheModelGaveIt()
    {
        // Row 8 is the one candidate of group x (due 0.09 places); the model ranks a (rows 0-49) above b (50-99), and b is lifted to
        // alternate with a. Row 8 keeps position 9 instead of falling out of the top; a and b (each due 5 of the 9 places left, rounded
        // up) contest the last place, which goes to the better-scored a, as DetGreedy gives a contested place.
        var ranked = Enumerable.Range(0, 100).ToArray();
        var top = FairReranking.Rerank(ranked, i => i == 8 ? "x" : i < 50 ? "a" : "b", _ => true, 10, 0.9);
        Assert.Equal([0, 50, 1, 51, 2, 52, 3, 53, 8, 4], top);
    }

    [Fact]
    public void Rerank_OnlyQualifiedCountTowardTheTargets()
    {
        // Group b is a third of the pool but none of them is qualified: nothing is owed to it.
        var ranked = Enumerable.Range(0, 30).ToArray();
        var top = FairReranking.Rerank(ranked, i => i >= 20 ? "b" : "a", i => i < 20, 10, 0.9);
        Assert.Equal(Enumerable.Range(0, 10), top);
    }

    [Fact]
    public void Parse_UnknownAttributeOrShare_IsRefused()
    {
        Assert.Equal(new FairExposure("gender", 0.8), FairExposure.Parse("gender:0.8"));
        Assert.Equal(FairExposure.DefaultShare, FairExposure.Parse("migration_background").Share);
        Assert.Throws<ArgumentException>(() => FairExposure.Parse("religion"));
        Assert.Throws<ArgumentException>(() => FairExposure.Parse("gender:1.5"));
    }
}
