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
    public void Select_NarrowHistory_PromotesTheLinearModelOverATreeThatWinsInsideIt()
    {
        var logistic = Model("logistic", 0.70, 0.10);
        var tree = Model("lambdamart", 0.75, 0.20);
        Assert.Same(logistic, RankerTrainingRun.Select([logistic, tree], new ProposalPredictability(ProposalPredictability.NarrowFrom, 50)));
        Assert.Same(tree, RankerTrainingRun.Select([logistic, tree], new ProposalPredictability(ProposalPredictability.NarrowFrom - 0.01, 50)));
    }

    [Fact]
    public void Select_WithoutALogisticModel_TakesTheGuardedBest()
    {
        var tree = Model("lambdamart", 0.75, 0.11);
        var light = Model("lightgbm", 0.745, 0.12);
        Assert.Same(light, RankerTrainingRun.Select([tree, light]));
    }

    private static RankerEvaluation WithGroups(RankerEvaluation model, double[] logged, double[] wholePool) =>
        model with { LoggedNdcg10PerGroup = logged, WholePoolNdcg10PerGroup = wholePool };

    /// <summary>Logistic regression on 100 held-out vacancies with random per-vacancy NDCG@10 (whole pool from <paramref name="poolFloor"/>, at most 0.2 above).</summary>
    private static (RankerEvaluation Logistic, double[] Logged, double[] Pool) LogisticOnRandomGroups(int seed, double poolFloor = 0)
    {
        var random = new Random(seed);
        var logged = Enumerable.Range(0, 100).Select(_ => random.NextDouble()).ToArray();
        var pool = Enumerable.Range(0, 100).Select(_ => poolFloor + random.NextDouble() / 5).ToArray();
        return (WithGroups(Model("logistic", logged.Average(), pool.Average()), logged, pool), logged, pool);
    }

    [Fact]
    public void Select_SplineSlightlyLowerWithinTheSpreadOfTheGroups_IsPromoted()
    {
        var (logistic, logged, pool) = LogisticOnRandomGroups(seed: 1);
        // Lower by 0.005 on average, 0.3 above or below per vacancy: not shown worse.
        var splineLogged = logged.Select((x, i) => x - 0.005 + (i % 2 == 0 ? 0.3 : -0.3)).ToArray();
        var spline = WithGroups(Model("spline", splineLogged.Average(), pool.Average()), splineLogged, pool);
        Assert.Same(spline, RankerTrainingRun.Select([logistic, spline]));
    }

    [Fact]
    public void Select_SplineWorseOnEveryVacancyOfThePool_LeavesTheLogisticModel()
    {
        var (logistic, logged, pool) = LogisticOnRandomGroups(seed: 2, poolFloor: 0.05);
        var splinePool = pool.Select(x => x - 0.01).ToArray();
        var spline = WithGroups(Model("spline", logged.Average() + 0.01, splinePool.Average()), logged.Select(x => x + 0.01).ToArray(), splinePool);
        Assert.Same(logistic, RankerTrainingRun.Select([logistic, spline]));
    }

    [Fact]
    public void PairedDifference_NoVaryingDifference_IsThatDifferenceExactly()
    {
        var difference = PairedDifference.Of([0.5, 0.7, 0.9], [0.4, 0.6, 0.8], 0, 0);
        Assert.Equal(0.1, difference.Mean, 12);
        Assert.Equal(0.1, difference.Low, 12);
        Assert.Equal(0.1, difference.High, 12);
        Assert.False(difference.ShownWorse);
    }

    [Fact]
    public void Select_SplineNoWorseThanLogisticOnBoth_IsPromoted()
    {
        var logistic = Model("logistic", 0.70, 0.10);
        var spline = Model("spline", 0.70, 0.11);
        var tree = Model("lambdamart", 0.71, 0.12);
        Assert.Same(spline, RankerTrainingRun.Select([logistic, spline, tree]));
    }

    [Fact]
    public void Select_SplineBetterOnThePoolButWorseOnTheProposals_IsPromoted()
    {
        var logistic = Model("logistic", 0.70, 0.10);
        var spline = Model("spline", 0.695, 0.12);
        Assert.Same(spline, RankerTrainingRun.Select([logistic, spline]));
    }

    [Fact]
    public void Select_SplineWorseOnThePoolButBetterOnTheProposals_LeavesTheLogisticModel()
    {
        var logistic = Model("logistic", 0.70, 0.12);
        var spline = Model("spline", 0.72, 0.10);
        Assert.Same(logistic, RankerTrainingRun.Select([logistic, spline]));
    }

    [Fact]
    public void Select_TreeRankerAheadByTheMarginOnlyOnAverage_LeavesTheLogisticModel()
    {
        var (logistic, logged, pool) = LogisticOnRandomGroups(seed: 3);
        // 0.03 ahead on average, 0.4 above or below per vacancy: the interval holds zero.
        var spread = logged.Select((x, i) => x + 0.03 + (i % 2 == 0 ? 0.4 : -0.4)).ToArray();
        var tree = WithGroups(Model("lambdamart", spread.Average(), pool.Average() + 0.01), spread, pool);
        Assert.Same(logistic, RankerTrainingRun.Select([logistic, tree]));
        var steadyTree = tree with { LoggedNdcg10PerGroup = [.. logged.Select(x => x + 0.03)] };
        Assert.Same(steadyTree, RankerTrainingRun.Select([logistic, steadyTree]));
    }

    [Fact]
    public void Select_TreeRanker_MustBeatTheSplineByTheMargin()
    {
        var logistic = Model("logistic", 0.70, 0.10);
        var spline = Model("spline", 0.72, 0.11);
        var tree = Model("lambdamart", 0.73, 0.12);
        Assert.Same(spline, RankerTrainingRun.Select([logistic, spline, tree]));
    }
}
