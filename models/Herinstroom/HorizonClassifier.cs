using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace MatchEngine.Models.Herinstroom;

/// <summary>
/// A gradient-boosted (FastTree) classifier of "herinstroom within h months", trained on weighted rows
/// (inverse-probability-of-censoring weights; rows censored before the horizon carry no weight) and
/// calibrated to probabilities. Scoring is thread-safe: it transforms batches, never a shared PredictionEngine.
/// </summary>
public sealed class HorizonClassifier
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly int _featureCount;

    private HorizonClassifier(MLContext ml, ITransformer model, int featureCount, double horizonMonths)
    {
        _ml = ml;
        _model = model;
        _featureCount = featureCount;
        HorizonMonths = horizonMonths;
    }

    /// <summary>The horizon in months.</summary>
    public double HorizonMonths { get; }

    /// <summary>Trains on <paramref name="rows"/>; rows with weight 0 are left out.</summary>
    public static HorizonClassifier Train(IReadOnlyList<WeightedRow> rows, double horizonMonths, int seed, int trees = 100, int leaves = 16, int minLeaf = 20)
    {
        var featureCount = rows[0].Features.Length;
        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(rows.Where(r => r.Weight > 0).Select(r => Row.From(r.Features, r.Label, (float)r.Weight)), Schema(featureCount));
        var trainer = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            LabelColumnName = nameof(Row.Label),
            FeatureColumnName = nameof(Row.Features),
            ExampleWeightColumnName = nameof(Row.Weight),
            NumberOfTrees = trees,
            NumberOfLeaves = leaves,
            MinimumExampleCountPerLeaf = minLeaf,
            LearningRate = 0.1,
            Seed = seed,
            NumberOfThreads = 1,
        });
        return new HorizonClassifier(ml, trainer.Fit(data), featureCount, horizonMonths);
    }

    /// <summary>Probability of herinstroom within the horizon for each feature vector.</summary>
    public double[] Predict(IReadOnlyList<double[]> features)
    {
        if (features.Count == 0) return [];
        var data = _ml.Data.LoadFromEnumerable(features.Select(f => Row.From(f, false, 1f)), Schema(_featureCount));
        var scored = _model.Transform(data);
        return scored.GetColumn<float>("Probability").Select(p => (double)p).ToArray();
    }

    /// <summary>Saves the model to a zip.</summary>
    public void Save(string path)
    {
        using var stream = File.Create(path);
        _ml.Model.Save(_model, null, stream);
    }

    /// <summary>Loads a model saved by <see cref="Save"/>.</summary>
    public static HorizonClassifier Load(string path, int featureCount, double horizonMonths)
    {
        var ml = new MLContext(0);
        using var stream = File.OpenRead(path);
        return new HorizonClassifier(ml, ml.Model.Load(stream, out _), featureCount, horizonMonths);
    }

    private static SchemaDefinition Schema(int featureCount)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return schema;
    }

    private sealed class Row
    {
        public float[] Features { get; set; } = [];
        public bool Label { get; set; }
        public float Weight { get; set; }

        public static Row From(double[] features, bool label, float weight) =>
            new() { Features = features.Select(x => (float)x).ToArray(), Label = label, Weight = weight };
    }
}

/// <summary>One training row: features, whether herinstroom happened within the horizon, and its IPCW weight.</summary>
public sealed record WeightedRow(double[] Features, bool Label, double Weight);
