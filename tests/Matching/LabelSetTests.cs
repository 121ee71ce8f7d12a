using MatchEngine.Engine.Domain;

namespace MatchEngine.Tests.Matching;

public class LabelSetTests
{
    [Fact]
    public void Of_LabelsThatDifferInCaseAccentsOrPadding_CountOnce()
    {
        var set = LabelSet.Of(["Heftruck rijden", "heftruck rijden ", "Café", "cafe", "orderpicken"]);

        Assert.Equal(3, set.Count);
        Assert.True(set.Contains("HEFTRUCK RIJDEN"));
        Assert.True(set.Contains("café "));
        Assert.False(set.Contains("reachtruck"));
    }

    [Fact]
    public void CountShared_CountsTheLabelsBothSetsHold()
    {
        var wanted = LabelSet.Of(["orderpicken", "heftruck rijden", "klantgericht"]);

        Assert.Equal(2, wanted.CountShared(LabelSet.Of(["Klantgericht", "Orderpicken", "koken"])));
        Assert.Equal(0, wanted.CountShared(LabelSet.Of([])));
        Assert.Equal(0, LabelSet.Of([]).CountShared(wanted));
    }
}
