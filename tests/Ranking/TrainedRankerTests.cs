using MatchEngine.Models.Ranking;
using MatchEngine.Tests.Support;

namespace MatchEngine.Tests.Ranking;

public class TrainedRankerTests
{
    private static readonly string[] Names = ["a", "b", "c", "d", "e"];

    /// <summary>Groups of 20 rows; relevance depends nonlinearly on features a, b and c; d and e are noise.</summary>
    private static List<RankingRow> Rows(int groups, int seed) => Generated(groups, seed, (f, random) =>
    {
        var signal = 2 * f[0] * f[1] + (f[2] > 0.7 ? 1 : 0) + 0.3 * random.NextDouble();
        return signal > 1.6 ? 2 : signal > 1.0 ? 1 : 0;
    });

    /// <summary>Groups of 20 rows of five uniform features, each labelled by <paramref name="label"/> (with the generator's own dice).</summary>
    private static List<RankingRow> Generated(int groups, int seed, Func<float[], Random, int> label)
    {
        var random = new Random(seed);
        var rows = new List<RankingRow>();
        for (var g = 0; g < groups; g++)
            for (var i = 0; i < 20; i++)
            {
                var f = Enumerable.Range(0, 5).Select(_ => (float)random.NextDouble()).ToArray();
                rows.Add(new RankingRow($"g{g:D4}", label(f, random), f));
            }
        return rows;
    }

    private static RankingMetrics Evaluate(IEnumerable<RankingRow> rows, Func<float[][], float[]> score) =>
        RankingMetrics.Compute(rows.GroupBy(r => r.GroupId).Select(g =>
        {
            var list = g.ToArray();
            var scores = score(list.Select(r => r.Features).ToArray());
            return (IReadOnlyList<(int, double)>)list.Select((r, i) => (r.Label, (double)scores[i])).ToArray();
        }));

    [Theory]
    [InlineData(RankerKind.FastTree)]
    [InlineData(RankerKind.LightGbm)]
    [InlineData(RankerKind.Logistic)]
    [InlineData(RankerKind.SplineLogistic)]
    public void Train_NonlinearSignal_BeatsARandomScorerOnHeldOutGroups(RankerKind kind)
    {
        var model = RankerTrainer.Train(kind, Rows(150, 1), Names, new RankerOptions(Trees: 50, Leaves: 8));
        var test = Rows(60, 2);
        var random = new Random(3);
        var learned = Evaluate(test, f => model.Score(f));
        var chance = Evaluate(test, f => f.Select(_ => (float)random.NextDouble()).ToArray());
        Assert.True(learned.Ndcg10 > chance.Ndcg10 + 0.15, $"{kind}: {learned.Ndcg10:0.000} vs random {chance.Ndcg10:0.000}");
    }

    [Theory]
    [InlineData(RankerKind.FastTree)]
    [InlineData(RankerKind.LightGbm)]
    [InlineData(RankerKind.Logistic)]
    [InlineData(RankerKind.SplineLogistic)]
    public void Score_Compiled_EqualsTheMlNetPipeline(RankerKind kind)
    {
        var model = RankerTrainer.Train(kind, Rows(80, 4), Names, new RankerOptions(Trees: 30, Leaves: 8));
        var features = Rows(10, 5).Select(r => r.Features).ToArray();
        var compiled = model.Score(features);
        var pipeline = model.PipelineScore(features);
        for (var i = 0; i < features.Length; i++) Assert.Equal(pipeline[i], compiled[i], 1e-4);
    }

    [Theory]
    [InlineData(RankerKind.FastTree)]
    [InlineData(RankerKind.LightGbm)]
    public void AddTrees_BlockedWalk_EqualsOneRowAtATimeBitForBit(RankerKind kind)
    {
        var compiled = RankerTrainer.Train(kind, Rows(80, 12), Names, new RankerOptions(Trees: 30, Leaves: 8)).Compiled!;
        var features = Rows(40, 13).Select(r => r.Features).ToArray();
        int[] which = [39, 3, 17, 0, 22, 8, 31, 5, 12, 26, 1]; // unsorted, and not a whole number of blocks
        var blocked = compiled.StartSums(features.Length);
        var oneByOne = compiled.StartSums(features.Length);
        compiled.AddTrees(features, which, blocked, 4, 21);
        compiled.AddTreesOneRowAtATime(features, which, oneByOne, 4, 21);
        Assert.Equal(oneByOne, blocked);
        Assert.Contains(which, i => blocked[i] != compiled.StartSums(1)[0]);
        Assert.All(Enumerable.Range(0, features.Length).Except(which), i => Assert.Equal(compiled.StartSums(1)[0], blocked[i]));
    }

    [Theory]
    [InlineData(RankerKind.FastTree)]
    [InlineData(RankerKind.LightGbm)]
    public void Contributions_AllRowsTogether_EqualOneRowAtATimeBitForBit(RankerKind kind)
    {
        var compiled = RankerTrainer.Train(kind, Rows(80, 14), Names, new RankerOptions(Trees: 30, Leaves: 8)).Compiled!;
        var features = Rows(25, 15).Select(r => r.Features).ToArray();

        var together = compiled.Contributions(features, Names.Length);

        Assert.Contains(together, c => c.Any(v => v != 0));
        for (var i = 0; i < features.Length; i++) Assert.Equal(compiled.ContributionsOneRowAtATime(features[i], Names.Length), together[i]);
    }

    [Theory]
    [InlineData(RankerKind.FastTree)]
    [InlineData(RankerKind.LightGbm)]
    public void Contributions_Compiled_EqualTheMlNetTransform(RankerKind kind)
    {
        var model = RankerTrainer.Train(kind, Rows(80, 10), Names, new RankerOptions(Trees: 30, Leaves: 8));
        var features = Rows(10, 11).Select(r => r.Features).ToArray();
        var compiled = model.Contributions(features);
        var pipeline = model.PipelineContributions(features);
        Assert.Contains(compiled, c => c.Any(v => v != 0));
        for (var i = 0; i < features.Length; i++)
            for (var j = 0; j < Names.Length; j++) Assert.Equal(pipeline[i][j], compiled[i][j], 4);
    }

    [Theory]
    [InlineData(RankerKind.FastTree)]
    [InlineData(RankerKind.LightGbm)]
    public void ScoreBest_Cascade_GivesTheSurvivorsTheirFullScoresBitForBit(RankerKind kind)
    {
        var model = RankerTrainer.Train(kind, Rows(80, 13), Names, new RankerOptions(Trees: 30, Leaves: 8));
        var features = Rows(5, 14).Select(r => r.Features).ToArray(); // 100 rows
        var full = model.Score(features);

        var best = model.ScoreBest(features, new RankingCascade(FirstStageTrees: 10, Survivors: 15));

        Assert.Equal(30, model.TreeCount);
        Assert.Equal(15, best.Count);
        Assert.Equal(best.Select(s => s.Row).Order(), best.Select(s => s.Row));
        Assert.All(best, s => Assert.Equal(full[s.Row], s.Score));
        // The first stage keeps the rows that matter: the full model's best row survives, its worst does not.
        Assert.Contains(best, s => s.Score == full.Max());
        Assert.DoesNotContain(best, s => s.Score == full.Min());
    }

    [Fact]
    public void RankingCascade_NegativeTreesOrNoSurvivors_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RankingCascade(-1, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RankingCascade(10, 0));
    }

    [Theory]
    [InlineData(100, 10)] // no more rows than survivors
    [InlineData(30, 200)] // a first stage as large as the ensemble
    public void ScoreBest_CascadeThatCannotCut_ScoresEveryRowInFull(int survivors, int firstStageTrees)
    {
        var model = RankerTrainer.Train(RankerKind.FastTree, Rows(80, 15), Names, new RankerOptions(Trees: 30, Leaves: 8));
        var features = Rows(5, 16).Select(r => r.Features).ToArray();

        var best = model.ScoreBest(features, new RankingCascade(firstStageTrees, survivors));

        Assert.Equal(model.Score(features), best.Select(s => s.Score));
        Assert.Equal(Enumerable.Range(0, features.Length), best.Select(s => s.Row));
    }

    [Theory]
    [InlineData(RankerKind.FastTree)]
    [InlineData(RankerKind.LightGbm)]
    public void Train_MostGroupsWithoutAnyRelevantRow_StillTrainsAndRanks(RankerKind kind)
    {
        // Labels from an absolute threshold: most groups hold no relevant row at all (as a sparse match history would).
        var random = new Random(12);
        var rows = new List<RankingRow>();
        for (var g = 0; g < 800; g++)
        {
            for (var i = 0; i < 10; i++)
            {
                var f = Enumerable.Range(0, 5).Select(_ => (float)random.NextDouble()).ToArray();
                var signal = f[0] + f[1] + 0.2 * random.NextDouble();
                rows.Add(new RankingRow($"g{g:D4}", signal > 1.85 ? 2 : signal > 1.75 ? 1 : 0, f));
            }
        }
        Assert.True(rows.GroupBy(r => r.GroupId).Count(g => g.All(r => r.Label == 0)) > 400);
        var model = RankerTrainer.Train(kind, rows, Names, new RankerOptions(Trees: 50, Leaves: 8));
        var scores = model.Score([[0.95f, 0.95f, 0.5f, 0.5f, 0.5f], [0.05f, 0.05f, 0.5f, 0.5f, 0.5f]]);
        Assert.True(scores[0] > scores[1], $"{scores[0]} vs {scores[1]}");
    }

    [Theory]
    [InlineData(RankerKind.FastTree)]
    [InlineData(RankerKind.Logistic)]
    [InlineData(RankerKind.SplineLogistic)]
    public void Save_ThenLoad_ScoresTheSameAndSameSeedGivesTheSameModel(RankerKind kind)
    {
        using var dir = new TempDirectory();
        var rows = Rows(60, 6);
        var model = RankerTrainer.Train(kind, rows, Names, new RankerOptions(Trees: 20));
        var again = RankerTrainer.Train(kind, rows, Names, new RankerOptions(Trees: 20));
        model.Save(dir.File("m.zip"));
        var loaded = TrainedRanker.Load(dir.File("m.zip"), kind, Names);
        var features = Rows(5, 7).Select(r => r.Features).ToArray();
        Assert.Equal(model.Score(features), loaded.Score(features));
        Assert.Equal(model.Score(features), again.Score(features));
        Assert.Equal(loaded.PipelineScore(features), loaded.Score(features), (a, b) => Math.Abs(a - b) < 1e-4);
    }

    [Theory]
    [InlineData(RankerKind.Logistic)]
    [InlineData(RankerKind.SplineLogistic)]
    public void Contributions_Linear_AreTheTermsOfTheScore(RankerKind kind)
    {
        var model = RankerTrainer.Train(kind, Rows(80, 10), Names, new RankerOptions());
        var features = Rows(2, 11).Select(r => r.Features).ToArray();
        var scores = model.Score(features);
        var contributions = model.Contributions(features);
        // Two rows' scores differ by the sum of their contributions' differences: the bias cancels.
        for (var i = 1; i < features.Length; i++)
            Assert.Equal(scores[i] - scores[0], contributions[i].Sum() - contributions[0].Sum(), 3);
        var meanAbs = Enumerable.Range(0, 5).Select(j => contributions.Average(c => Math.Abs(c[j]))).ToArray();
        Assert.True(meanAbs[0] > meanAbs[3] && meanAbs[1] > meanAbs[4], string.Join(", ", meanAbs));
    }

    [Fact]
    public void Contributions_FastTree_PointAtTheFeaturesThatMatter()
    {
        var model = RankerTrainer.Train(RankerKind.FastTree, Rows(150, 8), Names, new RankerOptions(Trees: 50));
        var features = Rows(20, 9).Select(r => r.Features).ToArray();
        var contributions = model.Contributions(features);
        var meanAbs = Enumerable.Range(0, 5).Select(j => contributions.Average(c => Math.Abs(c[j]))).ToArray();
        Assert.True(meanAbs[0] > meanAbs[3] && meanAbs[1] > meanAbs[4], string.Join(", ", meanAbs));
    }

    [Fact]
    public void Ndcg_HandExample_MatchesTheFormula()
    {
        // Ranked labels 2, 0, 1: DCG = 3/log2(2) + 0 + 1/log2(4) = 3.5; ideal 2, 1, 0: 3 + 1/log2(3).
        Assert.Equal(3.5 / (3 + 1 / Math.Log2(3)), RankingMetrics.Ndcg([2, 0, 1], 10), 10);
        Assert.Equal((1 + 2 / 3.0) / 2, RankingMetrics.AveragePrecision([1, 0, 1]), 10);
        var perGroup = new List<double>();
        var metrics = RankingMetrics.Compute([new[] { (2, 0.9), (0, 0.5), (1, 0.1) }, new[] { (0, 0.3), (0, 0.2) }], ndcg10PerGroup: perGroup);
        Assert.Equal(1, metrics.Groups);
        Assert.Equal([3.5 / (3 + 1 / Math.Log2(3))], perGroup); // the group without a relevant row is not counted
        Assert.Equal(1.0, metrics.RecallAt50);
    }

    /// <summary>Groups of 20 rows whose chance of an invitation peaks where feature a is 0.6 and rises with b: curved in a, straight in b.</summary>
    private static List<RankingRow> CurvedRows(int groups, int seed) => Generated(groups, seed, (f, random) =>
    {
        var logOdds = -1 - 12 * (f[0] - 0.6) * (f[0] - 0.6) + 1.5 * f[1];
        return random.NextDouble() < 1 / (1 + Math.Exp(-logOdds)) ? 1 : 0;
    });

    [Fact]
    public void Train_SplineOnACurvedEffect_RanksHeldOutGroupsBetterThanPlainLogistic()
    {
        var train = CurvedRows(300, 21);
        var spline = RankerTrainer.Train(RankerKind.SplineLogistic, train, Names, new RankerOptions());
        var plain = RankerTrainer.Train(RankerKind.Logistic, train, Names, new RankerOptions());
        // Judged against the noise-free truth: the rows ranked by the chance itself.
        var test = CurvedRows(100, 22).Select(r => r with { Label = r.Features[0] is > 0.45f and < 0.75f ? 1 + (r.Features[1] > 0.5f ? 1 : 0) : 0 }).ToList();
        var splineNdcg = Evaluate(test, f => spline.Score(f)).Ndcg10;
        var plainNdcg = Evaluate(test, f => plain.Score(f)).Ndcg10;
        Assert.True(splineNdcg > plainNdcg + 0.05, $"spline {splineNdcg:0.000} vs logistic {plainNdcg:0.000}");
    }

    [Fact]
    public void Train_SplineWithAKnownDirection_FitsAFeatureWhoseCurveTurnsAgainstItAsAStraightLine()
    {
        // a's chance peaks at 0.6: its curve falls after the peak, against "more of a is never worse"; b rises all along.
        var rows = CurvedRows(200, 23);
        var directed = RankerTrainer.Train(RankerKind.SplineLogistic, rows, Names, new RankerOptions(), directions: [1, 1, 0, 0, 0]);
        var free = RankerTrainer.Train(RankerKind.SplineLogistic, rows, Names, new RankerOptions());

        Assert.True(Bend(free) > 0.1, $"bend {Bend(free):0.000}");
        Assert.Equal(0, Bend(directed), 3);
        Assert.True(directed.MostGain(1, 0.95, 0.05) <= RankerTrainer.WrongWayTolerance);

        // How much more a's term gains somewhere between 0.1 and 0.95 than at 0.95: 0 for a straight line.
        static double Bend(TrainedRanker model) =>
            model.MostGain(0, 0.1, 0.95) - Math.Max(0, model.Score([[0.95f, 0.5f, 0.5f, 0.5f, 0.5f]])[0] - model.Score([[0.1f, 0.5f, 0.5f, 0.5f, 0.5f]])[0]);
    }

    [Fact]
    public void Train_SplineWithAKnownDirection_LeavesOutAStraightLineThatSlopesAgainstIt()
    {
        // b raises the chance all along, where its direction says more of b is never better: no curve of b can keep that way but a flat one.
        var rows = CurvedRows(200, 24);
        var directed = RankerTrainer.Train(RankerKind.SplineLogistic, rows, Names, new RankerOptions(), directions: [0, -1, 0, 0, 0]);
        var free = RankerTrainer.Train(RankerKind.SplineLogistic, rows, Names, new RankerOptions());

        Assert.True(free.MostGain(1, 0.05, 0.95) > 0.5, $"free: b gains {free.MostGain(1, 0.05, 0.95):0.000}");
        Assert.Equal(0, directed.MostGain(1, 0.05, 0.95), 6);
        Assert.Equal(0, directed.MostGain(1, 0.95, 0.05), 6);
        Assert.All(directed.Contributions([[0.6f, 0.05f, 0.5f, 0.5f, 0.5f], [0.6f, 0.95f, 0.5f, 0.5f, 0.5f]]), c => Assert.Equal(0, c[1], 6));
        // a's curve is still learned: its peak is ranked above both ends.
        var peak = directed.Score([[0.6f, 0.5f, 0.5f, 0.5f, 0.5f], [0.05f, 0.5f, 0.5f, 0.5f, 0.5f], [0.95f, 0.5f, 0.5f, 0.5f, 0.5f]]);
        Assert.True(peak[0] > peak[1] && peak[0] > peak[2], string.Join(", ", peak));
    }

    [Theory]
    [InlineData(RankerKind.Logistic)]
    [InlineData(RankerKind.SplineLogistic)]
    public void MostGain_IsTheMostTheScoreGainsAnywhereBetweenTheTwoValues(RankerKind kind)
    {
        var model = RankerTrainer.Train(kind, CurvedRows(200, 23), Names, new RankerOptions());
        var row = new[] { 0.1f, 0.5f, 0.5f, 0.5f, 0.5f };
        foreach (var (from, to) in new[] { (0.1, 0.95), (0.95, 0.1), (0.6, 0.3), (0.2, 0.25) })
        {
            row[0] = (float)from;
            var start = model.Score([row])[0];
            var most = 0.0;
            for (var x = Math.Min(from, to); x <= Math.Max(from, to) + 1e-9; x += 0.0025)
            {
                row[0] = (float)x;
                most = Math.Max(most, model.Score([row])[0] - start);
            }
            Assert.Equal(most, model.MostGain(0, from, to), 0.01); // the grid reaches a bend to within 0.0025
        }
        // The spline's term of a rises to its peak and falls after: the most lies inside the range, not at its end.
        var atEnd = model.Score([[0.95f, 0.5f, 0.5f, 0.5f, 0.5f]])[0] - model.Score([[0.1f, 0.5f, 0.5f, 0.5f, 0.5f]])[0];
        Assert.Equal(kind == RankerKind.SplineLogistic, model.MostGain(0, 0.1, 0.95) > atEnd + 0.1);
    }
}
