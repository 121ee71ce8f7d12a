using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace MatchEngine.Models.Ranking;

/// <summary>
/// Hyper-parameters of a ranker. The defaults are small trees for a region's history of a few hundred vacancies: with 8 leaves of at
/// least 50 pairs, every tree variant ranks the whole pool closer to the truth than with 24 leaves of 20 on all nine synthetic
/// regions of docs/synthetic-region.md (three truths × three history policies).
/// </summary>
public sealed record RankerOptions(int Trees = 200, int Leaves = 8, double LearningRate = 0.1, int MinExamplesPerLeaf = 50, int Seed = 42);

/// <summary>
/// Trains LambdaMART (FastTree) or LightGBM lambdarank on rows grouped by vacancy, or logistic regression (plain, or on
/// a hinge basis of each feature) on the same rows one by one, with a seeded MLContext so the same rows and options give the same model.
/// </summary>
public static class RankerTrainer
{
    /// <param name="directions">
    /// Per feature, the way it can only point (1: more is never worse; −1: more is never better; 0: unknown), which the spline's
    /// curves keep (<see cref="Spline"/>); null when none is known.
    /// </param>
    public static TrainedRanker Train(RankerKind kind, IReadOnlyList<RankingRow> rows, IReadOnlyList<string> featureNames, RankerOptions options,
        IReadOnlyList<int>? directions = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(options);
        if (directions is not null && directions.Count != featureNames.Count)
            throw new ArgumentException($"{directions.Count} directions for {featureNames.Count} features", nameof(directions));
        if (kind == RankerKind.Logistic) return Logistic(rows, featureNames, options.Seed, basis: null);
        if (kind == RankerKind.SplineLogistic) return Spline(rows, featureNames, options.Seed, directions);
        var ml = new MLContext(seed: options.Seed);
        var schema = SchemaDefinition.Create(typeof(TrainingRow));
        schema[nameof(TrainingRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureNames.Count);
        // Rows of a group must be contiguous for the ranking trainers.
        var ordered = rows.OrderBy(r => r.GroupId, StringComparer.Ordinal)
            .Select(r => new TrainingRow { GroupId = r.GroupId, Label = r.Label, Features = r.Features });
        var data = ml.Data.LoadFromEnumerable(ordered, schema);
        var key = ml.Transforms.Conversion.MapValueToKey("GroupKey", nameof(TrainingRow.GroupId));
        IEstimator<ITransformer> trainer = kind switch
        {
            RankerKind.FastTree => ml.Ranking.Trainers.FastTree(new FastTreeRankingTrainer.Options
            {
                LabelColumnName = nameof(TrainingRow.Label),
                FeatureColumnName = nameof(TrainingRow.Features),
                RowGroupColumnName = "GroupKey",
                NumberOfTrees = options.Trees,
                NumberOfLeaves = options.Leaves,
                LearningRate = options.LearningRate,
                MinimumExampleCountPerLeaf = options.MinExamplesPerLeaf,
                Seed = options.Seed,
                FeatureFirstUsePenalty = 0,
            }),
            RankerKind.LightGbm => ml.Ranking.Trainers.LightGbm(new LightGbmRankingTrainer.Options
            {
                LabelColumnName = nameof(TrainingRow.Label),
                FeatureColumnName = nameof(TrainingRow.Features),
                RowGroupColumnName = "GroupKey",
                NumberOfIterations = options.Trees,
                NumberOfLeaves = options.Leaves,
                LearningRate = options.LearningRate,
                MinimumExampleCountPerLeaf = options.MinExamplesPerLeaf,
                Seed = options.Seed,
                Deterministic = true,
                NumberOfThreads = 1,
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var model = key.Append(trainer).Fit(data);
        var predictor = model.LastTransformer;
        return new TrainedRanker(ml, predictor, kind, featureNames);
    }

    /// <summary>
    /// Logistic regression on a <see cref="HingeBasis"/> of each feature, whose curves keep the way a feature can only point: a feature
    /// of known direction keeps its knots only while no piece of its curve, the one after the last knot included, slopes the other way
    /// by more than <see cref="WrongWayTolerance"/> over the feature's training range; otherwise it is fitted again as a straight line.
    /// A straight line that still slopes the wrong way is left out (its term is 0, where a fit constrained to the feature's direction
    /// would hold it), and the rest are fitted again, until no term moves against its feature's direction. The slope after the last
    /// knot is read off the few pairs beyond it and carries on over the whole pool, where a distance that counts in favour from 40 km
    /// on would put the candidates who live furthest away first; a straight line against its direction would rank a candidate with
    /// worse transport above one with better, and say so in the reasons.
    /// </summary>
    private static TrainedRanker Spline(IReadOnlyList<RankingRow> rows, IReadOnlyList<string> featureNames, int seed, IReadOnlyList<int>? directions)
    {
        var vectors = rows.Select(r => r.Features).ToArray();
        var basis = HingeBasis.Fit(vectors, featureNames.Count);
        var ranges = Enumerable.Range(0, featureNames.Count).Select(f => (Min: vectors.Min(v => v[f]), Max: vectors.Max(v => v[f]))).ToArray();
        var dropped = new HashSet<int>();
        var fitted = rows;
        while (true)
        {
            var model = Logistic(fitted, featureNames, seed, basis);
            var wrong = directions is null ? [] : WrongWay(model, basis, ranges, directions, dropped);
            if (wrong.Count == 0) return model;
            var bent = wrong.Where(f => basis.Hinges.Any(h => h.Feature == f)).ToHashSet();
            if (bent.Count > 0)
            {
                basis = basis.Without(bent);
                continue;
            }
            dropped.UnionWith(wrong);
            fitted = Without(rows, dropped);
        }
    }

    /// <summary>
    /// <paramref name="rows"/> with the <paramref name="dropped"/> features 0 in every row: a column that never varies gets weight 0,
    /// so the served model, which reads the real values, gives those features no term.
    /// </summary>
    private static RankingRow[] Without(IReadOnlyList<RankingRow> rows, HashSet<int> dropped) =>
        [.. rows.Select(r =>
        {
            var features = (float[])r.Features.Clone();
            foreach (var f in dropped) features[f] = 0;
            return r with { Features = features };
        })];

    /// <summary>The most a curve may move against its feature's direction over the feature's training range, in log-odds.</summary>
    public const double WrongWayTolerance = 0.01;

    /// <summary>The features not yet left out whose fitted term, curve or line, slopes against their direction somewhere (<see cref="Spline"/>).</summary>
    private static HashSet<int> WrongWay(TrainedRanker model, HingeBasis basis, (float Min, float Max)[] ranges, IReadOnlyList<int> directions, HashSet<int> dropped)
    {
        var wrong = new HashSet<int>();
        for (var feature = 0; feature < directions.Count; feature++)
        {
            if (directions[feature] == 0 || dropped.Contains(feature)) continue;
            var (min, max) = ranges[feature];
            if (max <= min) continue;
            double[] points = [min, .. basis.Hinges.Where(h => h.Feature == feature).Select(h => h.Knot), max + (max - min)];
            for (var i = 0; i + 1 < points.Length && !wrong.Contains(feature); i++)
            {
                // The gain of moving against the direction along one piece, scaled to the whole training range.
                var (from, to) = directions[feature] > 0 ? (points[i + 1], points[i]) : (points[i], points[i + 1]);
                var gain = model.MostGain(feature, from, to) / (points[i + 1] - points[i]) * (max - min);
                if (gain > WrongWayTolerance) wrong.Add(feature);
            }
        }
        return wrong;
    }

    /// <summary>
    /// Logistic regression of label ≥ 1 on features standardised by the training rows' variance (ML.NET keeps zero at
    /// zero); with a <paramref name="basis"/>, on each row's expanded vector.
    /// </summary>
    private static TrainedRanker Logistic(IReadOnlyList<RankingRow> rows, IReadOnlyList<string> featureNames, int seed, HingeBasis? basis)
    {
        var ml = new MLContext(seed: seed);
        var schema = SchemaDefinition.Create(typeof(BinaryRow));
        schema[nameof(BinaryRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, basis?.ExpandedCount ?? featureNames.Count);
        var data = ml.Data.LoadFromEnumerable(rows.Select(r => new BinaryRow { Label = r.Label >= 1, Features = basis is null ? r.Features : basis.Expand(r.Features) }), schema);
        var pipeline = ml.Transforms.NormalizeMeanVariance(nameof(BinaryRow.Features))
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = nameof(BinaryRow.Label), FeatureColumnName = nameof(BinaryRow.Features), NumberOfThreads = 1,
            }));
        return new TrainedRanker(ml, pipeline.Fit(data), basis is null ? RankerKind.Logistic : RankerKind.SplineLogistic, featureNames, basis);
    }

    private sealed class BinaryRow
    {
        public bool Label { get; set; }
        public float[] Features { get; set; } = [];
    }

    private sealed class TrainingRow
    {
        public string GroupId { get; set; } = "";
        public float Label { get; set; }
        public float[] Features { get; set; } = [];
    }
}
