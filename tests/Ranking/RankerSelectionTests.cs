using MatchEngine.Models.Ranking;
using MatchEngine.Training.Ranking;

namespace MatchEngine.Tests.Ranking;

public class RankerSelectionTests
{
    private static RankerEvaluation Model(string name, double logged, double wholePool) =>
        new(name, name + "-v", new RankingMetrics(logged, logged, logged, 1, 10), logged, 0.5, new WholePoolMetrics(0.1, 0.2, 0.1, 0.1, wholePool, 10));

    [Fact]
    public void Select_TreeRankerClearlyBetterOnTheProposalsAndNoWorseOnThePool_IsPromoted()
    {
        var logistic = Model("logistic", 0.70, 0.10);
        var tree = Model("lambdamart", 0.73, 0.11);
        Assert.Same(tree, RankerTrainingRun.Select([logistic, tree]));
    }

    [Fact]
    public void Select_TreeRankerLessThanTheMarginBetter_LeavesTheLogisticModel()
    {
        var logistic = Model("logistic", 0.70, 0.10);
        var tree = Model("lambdamart", 0.715, 0.12);
        Assert.Same(logistic, RankerTrainingRun.Select([logistic, tree]));
    }

    [Fact]
    public void Select_TreeRankerWorseOnTheWholePool_LeavesTheLogisticModel()
    {
        var logistic = Model("logistic", 0.70, 0.10);
        var tree = Model("lambdamart", 0.75, 0.09);
        Assert.Same(logistic, RankerTrainingRun.Select([logistic, tree]));
    }

    [Fact]
    public void Select_PoolVariantBestOnThePoolButWorseOnTheProposals_IsKeptOutByTheGuard()
    {
        var logistic = Model("logistic", 0.70, 0.10);
        var tree = Model("lambdamart", 0.75, 0.11);
        var pool = Model("lambdamart+pool", 0.73, 0.20);
        Assert.Same(tree, RankerTrainingRun.Select([logistic, tree, pool]));
    }

    [Fact]
    public void Select_WithoutALogisticModel_TakesTheGuardedBest()
    {
        var tree = Model("lambdamart", 0.75, 0.11);
        var light = Model("lightgbm", 0.745, 0.12);
        Assert.Same(light, RankerTrainingRun.Select([tree, light]));
    }
}
