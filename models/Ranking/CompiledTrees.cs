using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace MatchEngine.Models.Ranking;

/// <summary>
/// The trained tree ensemble flattened into arrays and evaluated directly: the same score ML.NET
/// computes (sum of weighted tree outputs plus bias; a row goes left when its value is at most the
/// threshold), without building a data view per request. Immutable and thread-safe.
/// </summary>
internal sealed class CompiledTrees
{
    private readonly Tree[] _trees;
    private readonly double _bias;

    private CompiledTrees(Tree[] trees, double bias)
    {
        _trees = trees;
        _bias = bias;
    }

    /// <summary>Compiles the ensemble inside <paramref name="predictor"/>, or returns null when it holds no numeric-split tree ensemble.</summary>
    public static CompiledTrees? From(ITransformer predictor)
    {
        var model = (predictor as ISingleFeaturePredictionTransformer<object>)?.Model;
        if (model is not TreeEnsembleModelParametersBasedOnRegressionTree ensembleModel) return null;
        var ensemble = ensembleModel.TrainedTreeEnsemble;
        var trees = new Tree[ensemble.Trees.Count];
        for (var t = 0; t < trees.Length; t++)
        {
            var tree = ensemble.Trees[t];
            if (tree.CategoricalSplitFlags.Any(f => f)) return null;
            trees[t] = new Tree(tree.LeftChild.ToArray(), tree.RightChild.ToArray(), tree.NumericalSplitFeatureIndexes.ToArray(),
                tree.NumericalSplitThresholds.ToArray(), tree.LeafValues.ToArray(), ensemble.TreeWeights[t]);
        }
        return new CompiledTrees(trees, ensemble.Bias);
    }

    /// <summary>The score of one feature vector.</summary>
    public float Score(float[] features)
    {
        var sum = _bias;
        foreach (var tree in _trees) sum += tree.Weight * tree.Evaluate(features);
        return (float)sum;
    }

    private sealed record Tree(int[] Left, int[] Right, int[] Feature, float[] Threshold, double[] Leaf, double Weight)
    {
        public double Evaluate(float[] x)
        {
            if (Leaf.Length == 1) return Leaf[0];
            var node = 0;
            while (node >= 0) node = x[Feature[node]] <= Threshold[node] ? Left[node] : Right[node];
            return Leaf[~node];
        }
    }
}
