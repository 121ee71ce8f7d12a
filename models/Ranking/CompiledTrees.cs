using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace MatchEngine.Models.Ranking;

/// <summary>
/// The trained tree ensemble flattened into arrays and evaluated directly: the same score ML.NET
/// computes (sum of weighted tree outputs plus bias; a row goes left when its value is at most the
/// threshold), and the same feature contributions (for each split on the path, the tree's output minus the
/// output had the row gone the other way there, summed per feature over the unweighted trees), without
/// building a data view per request. Immutable and thread-safe.
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

    /// <summary>Per-feature contributions to the score of one feature vector, as ML.NET computes them.</summary>
    public float[] Contributions(float[] features, int featureCount)
    {
        var contributions = new float[featureCount];
        foreach (var tree in _trees) tree.AddContributions(features, contributions);
        return contributions;
    }

    private sealed record Tree(int[] Left, int[] Right, int[] Feature, float[] Threshold, double[] Leaf, double Weight)
    {
        public double Evaluate(float[] x) => Leaf.Length == 1 ? Leaf[0] : Leaf[~LeafFrom(0, x)];

        public void AddContributions(float[] x, float[] contributions)
        {
            if (Leaf.Length == 1) return;
            var output = Leaf[~LeafFrom(0, x)];
            var node = 0;
            while (node >= 0)
            {
                var left = x[Feature[node]] <= Threshold[node];
                var otherWay = left ? Right[node] : Left[node];
                contributions[Feature[node]] += (float)(output - Leaf[~LeafFrom(otherWay, x)]);
                node = left ? Left[node] : Right[node];
            }
        }

        private int LeafFrom(int node, float[] x)
        {
            while (node >= 0) node = x[Feature[node]] <= Threshold[node] ? Left[node] : Right[node];
            return node;
        }
    }
}
