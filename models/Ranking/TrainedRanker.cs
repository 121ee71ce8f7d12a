using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace MatchEngine.Models.Ranking;

/// <summary>
/// A trained ranking model with its feature list. Scores batches of feature vectors and explains one
/// row with per-feature contributions (tree-path contributions of an ensemble, a linear model's terms summed per feature).
/// A linear model on a <see cref="HingeBasis"/> takes the plain feature vectors and expands them itself. Thread-safe:
/// tree ensembles and linear models are evaluated directly; any other model builds its own data view per call.
/// </summary>
public sealed class TrainedRanker
{
    private const string FeaturesColumn = "Features";
    private const string ContributionsColumn = "FeatureContributions";
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly ITransformer? _contributions;
    private readonly SchemaDefinition _schema;
    private readonly CompiledTrees? _compiled;
    private readonly CompiledLinear? _linear;
    private readonly HingeBasis? _basis;

    internal TrainedRanker(MLContext ml, ITransformer model, RankerKind kind, IReadOnlyList<string> featureNames, HingeBasis? basis = null)
    {
        if (basis is not null && basis.FeatureCount != featureNames.Count)
            throw new ArgumentException($"the hinge basis expands {basis.FeatureCount} features, the model has {featureNames.Count}", nameof(basis));
        _ml = ml;
        _model = model;
        Kind = kind;
        FeatureNames = featureNames;
        _basis = basis;
        var width = basis?.ExpandedCount ?? featureNames.Count;
        _schema = ScoringRow.Schema(width);
        var predictor = model is IEnumerable<ITransformer> chain ? chain.Last() : model;
        _compiled = CompiledTrees.From(predictor);
        _linear = _compiled is null ? CompiledLinear.From(model, basis) : null;
        // ML.NET computes contributions of tree ensembles and uncalibrated linear models; a calibrated linear model's are its compiled terms.
        if (predictor is ISingleFeaturePredictionTransformer<ICalculateFeatureContribution> explainable)
            _contributions = ml.Transforms.CalculateFeatureContribution(explainable,
                    numberOfPositiveContributions: width, numberOfNegativeContributions: width, normalize: false)
                .Fit(_model.Transform(ml.Data.LoadFromEnumerable(Array.Empty<ScoringRow>(), _schema)));
    }

    /// <summary>The algorithm.</summary>
    public RankerKind Kind { get; }

    /// <summary>The feature names in vector order; vectors given to this model must follow it.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>The number of trees of a compiled tree ensemble; null for a model scored through the ML.NET pipeline.</summary>
    public int? TreeCount => _compiled?.TreeCount;

    /// <summary>True when the score is a sum of one term per feature that <see cref="MostGain"/> can bound: the linear models.</summary>
    public bool IsAdditive => _linear is not null;

    /// <summary>
    /// For an additive model (<see cref="IsAdditive"/>): the most the score can gain while feature <paramref name="feature"/>
    /// moves anywhere from <paramref name="from"/> to <paramref name="to"/>, every other feature held (0 when it can only
    /// lose). A feature's term is a line, or a line bent at its knots, so the most lies at <paramref name="to"/> or a knot.
    /// </summary>
    public double MostGain(int feature, double from, double to) =>
        _linear?.MostGain(feature, from, to) ?? throw new NotSupportedException($"a {Kind} model is not a sum of one term per feature");

    /// <summary>The compiled tree ensemble, for tests and benchmarks of its walks; null for a model scored through the ML.NET pipeline.</summary>
    internal CompiledTrees? Compiled => _compiled;

    /// <summary>Scores each feature vector; higher is better. Tree ensembles and linear models are evaluated directly (see <see cref="CompiledTrees"/>, <see cref="CompiledLinear"/>).</summary>
    public float[] Score(IReadOnlyList<float[]> features)
    {
        if (features.Count == 0) return [];
        if (_compiled is not null) return _compiled.Score(CheckedAll(features));
        if (_linear is not null) return _linear.Score(CheckedAll(features));
        return PipelineScore(features);
    }

    /// <summary>
    /// The full scores of the rows that survive <paramref name="cascade"/>, in row order: every row when the cascade
    /// cannot cut (no more rows than survivors, no more trees than the first stage, or a model that is not a compiled
    /// tree ensemble). First-stage ties go to the lower row.
    /// </summary>
    public IReadOnlyList<ScoredRow> ScoreBest(IReadOnlyList<float[]> features, RankingCascade cascade)
    {
        if (_compiled is null || features.Count <= cascade.Survivors || cascade.FirstStageTrees >= _compiled.TreeCount)
        {
            var all = Score(features);
            return Enumerable.Range(0, all.Length).Select(i => new ScoredRow(i, all[i])).ToArray();
        }
        CheckedAll(features);
        var sums = _compiled.StartSums(features.Count);
        var rows = Enumerable.Range(0, features.Count).ToArray();
        _compiled.AddTrees(features, rows, sums, 0, cascade.FirstStageTrees);
        Array.Sort(rows, (a, b) => sums[a] != sums[b] ? sums[b].CompareTo(sums[a]) : a.CompareTo(b));
        var survivors = rows[..cascade.Survivors];
        Array.Sort(survivors);
        _compiled.AddTrees(features, survivors, sums, cascade.FirstStageTrees, _compiled.TreeCount);
        return Array.ConvertAll(survivors, i => new ScoredRow(i, (float)sums[i]));
    }

    /// <summary>Scores through the ML.NET pipeline (the reference the compiled trees are tested against).</summary>
    public float[] PipelineScore(IReadOnlyList<float[]> features)
    {
        if (features.Count == 0) return [];
        var data = _ml.Data.LoadFromEnumerable(features.Select(Row), _schema);
        return _model.Transform(data).GetColumn<float>("Score").ToArray();
    }

    /// <summary>Per-feature contributions to the score of each vector (same order as <see cref="FeatureNames"/>); tree ensembles and linear models directly.</summary>
    public float[][] Contributions(IReadOnlyList<float[]> features)
    {
        if (features.Count == 0) return [];
        if (_compiled is not null) return _compiled.Contributions(CheckedAll(features), FeatureNames.Count);
        if (_linear is not null) return _linear.Contributions(CheckedAll(features));
        return PipelineContributions(features);
    }

    /// <summary>Contributions through ML.NET's feature-contribution transform (the reference for the compiled trees).</summary>
    public float[][] PipelineContributions(IReadOnlyList<float[]> features)
    {
        if (_contributions is null) throw new NotSupportedException($"ML.NET does not compute feature contributions of a {Kind} model");
        if (features.Count == 0) return [];
        var data = _ml.Data.LoadFromEnumerable(features.Select(Row), _schema);
        return Folded(_contributions.Transform(_model.Transform(data)).GetColumn<float[]>(ContributionsColumn).ToArray());
    }

    /// <summary>Saves the model to a zip file, and a hinge basis's knots next to it (<see cref="KnotsPath"/>).</summary>
    public void Save(string path)
    {
        using (var stream = File.Create(path))
            _ml.Model.Save(_model, _ml.Data.LoadFromEnumerable(Array.Empty<ScoringRow>(), _schema).Schema, stream);
        _basis?.Save(KnotsPath(path));
    }

    /// <summary>Loads a model saved by <see cref="Save"/>.</summary>
    public static TrainedRanker Load(string path, RankerKind kind, IReadOnlyList<string> featureNames)
    {
        var ml = new MLContext(seed: 0);
        var basis = kind == RankerKind.SplineLogistic ? HingeBasis.Load(KnotsPath(path)) : null;
        using var stream = File.OpenRead(path);
        return new TrainedRanker(ml, ml.Model.Load(stream, out _), kind, featureNames, basis);
    }

    /// <summary>Where the knots of a hinge-basis model saved at <paramref name="modelPath"/> are kept.</summary>
    public static string KnotsPath(string modelPath) => Path.ChangeExtension(modelPath, ".knots.json");

    private ScoringRow Row(float[] f) => new() { Features = _basis is null ? Checked(f) : _basis.Expand(Checked(f)) };

    /// <summary>Contributions per feature: on a hinge basis, each feature's columns summed.</summary>
    private float[][] Folded(float[][] terms) => _basis is null ? terms : [.. terms.Select(_basis.Fold)];

    /// <summary>The rows, each checked to have this model's number of features (the compiled walks read them unchecked up to it).</summary>
    private IReadOnlyList<float[]> CheckedAll(IReadOnlyList<float[]> rows)
    {
        foreach (var row in rows) Checked(row);
        return rows;
    }

    private float[] Checked(float[] f) => f.Length == FeatureNames.Count ? f : throw new ArgumentException($"expected {FeatureNames.Count} features, got {f.Length}");

    internal sealed class ScoringRow
    {
        public float[] Features { get; set; } = [];

        public static SchemaDefinition Schema(int featureCount)
        {
            var schema = SchemaDefinition.Create(typeof(ScoringRow));
            schema[nameof(Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
            return schema;
        }
    }
}
