using MatchEngine.Models.Registry;

namespace MatchEngine.Tests.Fairness;

public sealed class FairRerankingCostTests
{
    private static FairnessFinding Exposure(string group, double value, bool tooSmall = false) =>
        new(FairnessLens.QualifiedExposure, "gender", group, tooSmall ? 5 : 500, value, value - 0.1, value + 0.1, tooSmall);

    [Fact]
    public void Of_AGroupPushedBelowTheOthers_IsTheLowestAfterAndTooSmallGroupsAreNotCompared()
    {
        var audit = new FairnessAudit([Exposure("m", 0.95), Exposure("v", 0.85), Exposure("x", 0.20, tooSmall: true)], 30, 0.9, 1000, "10 achtergehouden vacatures");
        var after = new Dictionary<string, double> { ["m"] = 0.80, ["v"] = 0.92, ["x"] = 0.10 };
        var cost = FairRerankingCost.Of(audit, "gender", 0.9, 0.31, 0.30, after);
        Assert.Equal(("v", 0.85, 0.92), (cost.LowestGroup, cost.LowestBefore, cost.LowestAfter));
        Assert.Equal(("m", 0.80), (cost.WorstAfterGroup, cost.WorstAfter));
    }

    [Fact]
    public void Of_NoGroupThatCounts_LeavesTheGroupsEmpty()
    {
        var audit = new FairnessAudit([Exposure("x", 0.20, tooSmall: true)], 30, 0.9, 1000, "10 achtergehouden vacatures");
        var cost = FairRerankingCost.Of(audit, "gender", 0.9, 0.31, 0.30, new Dictionary<string, double> { ["x"] = 0.10 });
        Assert.Equal(("", ""), (cost.LowestGroup, cost.WorstAfterGroup));
        Assert.True(double.IsNaN(cost.LowestBefore) && double.IsNaN(cost.WorstAfter));
    }
}
