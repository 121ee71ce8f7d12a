using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace MatchEngine.Models.Ranking;

/// <summary>
/// The trained tree ensemble flattened into one array of nodes and evaluated directly: the same score ML.NET
/// computes (sum of weighted tree outputs plus bias; a row goes left when its value is at most the
/// threshold), and the same feature contributions (for each split on the path, the tree's output minus the
/// output had the row gone the other way there, summed per feature over the unweighted trees), without
/// building a data view per request. All trees share one node array so a row's walk through the
/// ensemble stays in a few cache lines per tree. Immutable and thread-safe.
/// </summary>
internal sealed class CompiledTrees
{
    private readonly Node[] _nodes;
    private readonly double[] _leaves;
    private readonly Tree[] _trees;
    private readonly double _bias;
    private readonly int _maxDepth;

    private CompiledTrees(Node[] nodes, double[] leaves, Tree[] trees, double bias, int maxDepth)
    {
        _nodes = nodes;
        _leaves = leaves;
        _trees = trees;
        _bias = bias;
        _maxDepth = maxDepth;
    }

    /// <summary>Compiles the ensemble inside <paramref name="predictor"/>, or returns null when it holds no numeric-split tree ensemble.</summary>
    public static CompiledTrees? From(ITransformer predictor)
    {
        var model = (predictor as ISingleFeaturePredictionTransformer<object>)?.Model;
        if (model is not TreeEnsembleModelParametersBasedOnRegressionTree ensembleModel) return null;
        var ensemble = ensembleModel.TrainedTreeEnsemble;
        var nodes = new List<Node>();
        var leaves = new List<double>();
        var trees = new Tree[ensemble.Trees.Count];
        var maxDepth = 0; // a tree of n leaves is at most n - 1 splits deep
        for (var t = 0; t < trees.Length; t++)
        {
            var tree = ensemble.Trees[t];
            if (tree.CategoricalSplitFlags.Any(f => f)) return null;
            int nodeBase = nodes.Count, leafBase = leaves.Count;
            // Children keep ML.NET's convention (a negative child ~k is leaf k), offset into the shared arrays.
            int Child(int c) => c >= 0 ? nodeBase + c : ~(leafBase + ~c);
            // A single-leaf tree has no split (ML.NET may still list a node whose children are 0): its root is the leaf.
            var splits = tree.NumberOfLeaves > 1 ? tree.NumberOfNodes : 0;
            for (var n = 0; n < splits; n++)
                nodes.Add(new Node(tree.NumericalSplitFeatureIndexes[n], tree.NumericalSplitThresholds[n], Child(tree.LeftChild[n]), Child(tree.RightChild[n])));
            leaves.AddRange(tree.LeafValues);
            trees[t] = new Tree(splits == 0 ? ~leafBase : nodeBase, ensemble.TreeWeights[t]);
            maxDepth = Math.Max(maxDepth, splits);
        }
        return new CompiledTrees([.. nodes], [.. leaves], trees, ensemble.Bias, maxDepth);
    }

    /// <summary>The number of trees.</summary>
    public int TreeCount => _trees.Length;

    /// <summary>The score of each feature vector: the bias plus each tree's weighted leaf, added in tree order.</summary>
    public float[] Score(IReadOnlyList<float[]> rows)
    {
        var sums = StartSums(rows.Count);
        var all = new int[rows.Count];
        for (var i = 0; i < all.Length; i++) all[i] = i;
        AddTrees(rows, all, sums, 0, _trees.Length);
        return Array.ConvertAll(sums, s => (float)s);
    }

    /// <summary>Running sums for <paramref name="count"/> rows before any tree: the bias.</summary>
    public double[] StartSums(int count)
    {
        var sums = new double[count];
        Array.Fill(sums, _bias);
        return sums;
    }

    /// <summary>
    /// Adds the weighted leaves of trees <paramref name="fromTree"/> up to (not including) <paramref name="toTree"/> to
    /// the running sums of the rows listed in <paramref name="which"/>. Adding all trees in consecutive ranges gives
    /// the same sums, bit for bit, as adding them in one go.
    /// </summary>
    public void AddTrees(IReadOnlyList<float[]> rows, ReadOnlySpan<int> which, double[] sums, int fromTree, int toTree)
    {
        var trees = _trees.AsSpan(fromTree, toTree - fromTree);
        foreach (var i in which)
        {
            var features = rows[i];
            var sum = sums[i];
            foreach (var tree in trees) sum += tree.Weight * _leaves[~LeafFrom(tree.Root, features)];
            sums[i] = sum;
        }
    }

    /// <summary>Per-feature contributions to the score of one feature vector, as ML.NET computes them.</summary>
    public float[] Contributions(float[] features, int featureCount)
    {
        var contributions = new float[featureCount];
        Span<int> path = _maxDepth <= 256 ? stackalloc int[_maxDepth] : new int[_maxDepth];
        foreach (var tree in _trees)
        {
            var depth = 0;
            var node = tree.Root;
            while (node >= 0)
            {
                path[depth++] = node;
                ref readonly var split = ref _nodes[node];
                node = features[split.Feature] <= split.Threshold ? split.Left : split.Right;
            }
            var output = _leaves[~node];
            foreach (var onPath in path[..depth])
            {
                ref readonly var split = ref _nodes[onPath];
                var other = features[split.Feature] <= split.Threshold ? split.Right : split.Left;
                contributions[split.Feature] += (float)(output - _leaves[~LeafFrom(other, features)]);
            }
        }
        return contributions;
    }

    /// <summary>Walks from <paramref name="node"/> to a leaf; returns the leaf as ~index into the leaf values.</summary>
    private int LeafFrom(int node, float[] features)
    {
        var nodes = _nodes;
        while (node >= 0)
        {
            ref readonly var split = ref nodes[node];
            node = features[split.Feature] <= split.Threshold ? split.Left : split.Right;
        }
        return node;
    }

    private readonly record struct Node(int Feature, float Threshold, int Left, int Right);

    /// <summary>A tree's root node, or ~leaf for a tree that is a single leaf.</summary>
    private readonly record struct Tree(int Root, double Weight);
}
