using Microsoft.ML;
using Microsoft.ML.Data;

namespace MatchEngine.Models.Ranking;

/// <summary>
/// The plain baseline a learned ranker must beat: L-BFGS logistic regression (ML.NET) of "invited or hired" (label ≥ 1)
/// on the ranker's own features and pairs, features standardised (mean and variance of the training rows). Scores are
/// the linear logit. Thread-safe: every call builds its own data view.
/// </summary>
public sealed class LogisticBaseline
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly SchemaDefinition _schema;
    private readonly int _featureCount;

    private LogisticBaseline(MLContext ml, ITransformer model, int featureCount)
    {
        _ml = ml;
        _model = model;
        _featureCount = featureCount;
        _schema = TrainedRanker.ScoringRow.Schema(featureCount);
    }

    /// <summary>Trains on <paramref name="rows"/> (each with <paramref name="featureCount"/> features), seeded.</summary>
    public static LogisticBaseline Train(IReadOnlyList<RankingRow> rows, int featureCount, int seed)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var ml = new MLContext(seed: seed);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        var data = ml.Data.LoadFromEnumerable(rows.Select(r => new Row { Label = r.Label >= 1, Features = r.Features }), schema);
        var pipeline = ml.Transforms.NormalizeMeanVariance(nameof(Row.Features))
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new Microsoft.ML.Trainers.LbfgsLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = nameof(Row.Label), FeatureColumnName = nameof(Row.Features), NumberOfThreads = 1,
            }));
        return new LogisticBaseline(ml, pipeline.Fit(data), featureCount);
    }

    /// <summary>The logit of each feature vector; higher is better.</summary>
    public float[] Score(IReadOnlyList<float[]> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Count == 0) return [];
        var data = _ml.Data.LoadFromEnumerable(features.Select(f => new TrainedRanker.ScoringRow
        {
            Features = f.Length == _featureCount ? f : throw new ArgumentException($"expected {_featureCount} features, got {f.Length}"),
        }), _schema);
        return _model.Transform(data).GetColumn<float>("Score").ToArray();
    }

    private sealed class Row
    {
        public bool Label { get; set; }
        public float[] Features { get; set; } = [];
    }
}
