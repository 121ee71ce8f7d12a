using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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

    /// <summary>Rows walked through a tree together by <see cref="AddTrees"/>.</summary>
    private const int Block = 32;

    /// <summary>
    /// The nodes for the blocked walks (<see cref="AddTrees"/>, <see cref="Contributions"/>): every split, with children
    /// as indexes into this array, followed by every leaf as a node whose children are itself, so a walk can take
    /// steps with no test for a leaf.
    /// </summary>
    private readonly WalkNode[] _walk;

    /// <summary>The most splits on any tree's path from root to leaf.</summary>
    private readonly int _deepest;

    /// <summary>One more than the highest feature index any split reads.</summary>
    private readonly int _featuresRead;

    private CompiledTrees(Node[] nodes, double[] leaves, Tree[] trees, double bias)
    {
        int WalkIndex(int child) => child >= 0 ? child : nodes.Length + ~child;
        _walk = new WalkNode[nodes.Length + leaves.Length];
        for (var n = 0; n < nodes.Length; n++) _walk[n] = new WalkNode(nodes[n].Feature, nodes[n].Threshold, WalkIndex(nodes[n].Left), WalkIndex(nodes[n].Right));
        for (var leaf = 0; leaf < leaves.Length; leaf++) _walk[nodes.Length + leaf] = new WalkNode(0, 0, nodes.Length + leaf, nodes.Length + leaf);
        _featuresRead = nodes.Length == 0 ? 0 : nodes.Max(n => n.Feature) + 1;
        _deepest = trees.Length == 0 ? 0 : trees.Max(t => t.Depth);
        _nodes = nodes;
        _leaves = leaves;
        _trees = trees;
        _bias = bias;
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
            trees[t] = new Tree(splits == 0 ? ~leafBase : nodeBase, ensemble.TreeWeights[t], splits == 0 ? 0 : Depth(tree, 0));
        }
        return new CompiledTrees([.. nodes], [.. leaves], trees, ensemble.Bias);
    }

    /// <summary>Splits on the longest path from <paramref name="node"/> of <paramref name="tree"/> to a leaf.</summary>
    private static int Depth(RegressionTree tree, int node) =>
        node < 0 ? 0 : 1 + Math.Max(Depth(tree, tree.LeftChild[node]), Depth(tree, tree.RightChild[node]));

    /// <summary>The number of trees.</summary>
    public int TreeCount => _trees.Length;

    /// <summary>Each tree's longest path from root to leaf, in splits (what the blocked walks step through at most).</summary>
    internal IEnumerable<int> TreeDepths => _trees.Select(t => t.Depth);

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
    /// <remarks>
    /// Rows go through each tree <see cref="Block"/> at a time, a level of the tree for all of them before the next
    /// level: one row's walk is a chain of dependent loads and unpredictable branches, and interleaving independent
    /// walks lets the processor overlap them. Each step picks the child by the comparison's outcome as an index, with no
    /// branch to mispredict; a row that reaches a leaf stays there (leaves point to themselves), and the block steps on
    /// until none of its rows moves, at most the tree's depth. Each row still adds its trees in tree order, so the sums
    /// are the same as walking one row through all trees (<see cref="AddTreesOneRowAtATime"/>; <c>TreeWalkBenchmarks</c>
    /// measures the two). The block's features are copied side by side first (on the stack up to 128 features).
    /// </remarks>
    public void AddTrees(IReadOnlyList<float[]> rows, ReadOnlySpan<int> which, double[] sums, int fromTree, int toTree)
    {
        var trees = _trees.AsSpan(fromTree, toTree - fromTree);
        var walk = _walk;
        var leaves = _leaves;
        var firstLeaf = _nodes.Length;
        var width = _featuresRead;
        Span<int> at = stackalloc int[Block];
        Span<float> values = Block * width <= 4096 ? stackalloc float[Block * width] : new float[Block * width];
        for (var start = 0; start < which.Length; start += Block)
        {
            var rowsInBlock = which.Slice(start, Math.Min(Block, which.Length - start));
            var count = rowsInBlock.Length;
            for (var k = 0; k < count; k++) rows[rowsInBlock[k]].AsSpan(0, width).CopyTo(values.Slice(k * width, width));
            foreach (var tree in trees)
            {
                at[..count].Fill(tree.Root >= 0 ? tree.Root : firstLeaf + ~tree.Root);
                for (var level = 0; level < tree.Depth; level++)
                {
                    var moved = 0;
                    for (var k = 0; k < count; k++)
                    {
                        var from = at[k];
                        ref readonly var node = ref walk[from];
                        var to = node.Next(values[k * width + node.Feature]);
                        moved |= to ^ from;
                        at[k] = to;
                    }
                    if (moved == 0) break; // every row of the block is at its leaf
                }
                for (var k = 0; k < count; k++) sums[rowsInBlock[k]] += tree.Weight * leaves[at[k] - firstLeaf];
            }
        }
    }

    /// <summary>
    /// The same sums as <see cref="AddTrees"/>, one row through all the trees at a time: the plain walk, kept as the
    /// reference the blocked walk is tested and benchmarked against.
    /// </summary>
    internal void AddTreesOneRowAtATime(IReadOnlyList<float[]> rows, ReadOnlySpan<int> which, double[] sums, int fromTree, int toTree)
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

    /// <summary>
    /// Per-feature contributions to the score of each feature vector, as ML.NET computes them: for each split on a
    /// row's path, the tree's output minus the output had the row gone the other way there, summed per feature over
    /// the unweighted trees.
    /// </summary>
    /// <remarks>
    /// Finding "the output had the row gone the other way" is a walk from the other child for every split on every
    /// path, which is most of the work. Per tree, those walks of all rows go to their leaves together, a level at a
    /// time and without branches, as in <see cref="AddTrees"/>. Each row adds its terms in the order
    /// <see cref="ContributionsOneRowAtATime"/> does (tree, then path), so the results are the same bit for bit.
    /// </remarks>
    public float[][] Contributions(IReadOnlyList<float[]> rows, int featureCount)
    {
        var count = rows.Count;
        var result = new float[count][];
        for (var r = 0; r < count; r++) result[r] = new float[featureCount];
        var longest = Math.Max(1, _deepest);
        var paths = new int[count * longest];
        var others = new int[count * longest]; // where the other side of each split on a path leads, then its leaf
        var lengths = new int[count];
        var outputs = new double[count];
        var nodes = _nodes;
        var walk = _walk;
        var firstLeaf = nodes.Length;
        foreach (var tree in _trees)
        {
            for (var r = 0; r < count; r++)
            {
                var features = rows[r];
                var depth = 0;
                var node = tree.Root;
                while (node >= 0)
                {
                    ref readonly var split = ref nodes[node];
                    var left = features[split.Feature] <= split.Threshold;
                    var other = left ? split.Right : split.Left;
                    paths[r * longest + depth] = node;
                    others[r * longest + depth++] = other >= 0 ? other : firstLeaf + ~other;
                    node = left ? split.Left : split.Right;
                }
                lengths[r] = depth;
                outputs[r] = _leaves[~node];
            }
            for (var level = 1; level < tree.Depth; level++)
            {
                var moved = 0;
                for (var r = 0; r < count; r++)
                {
                    var features = rows[r];
                    for (var i = r * longest; i < r * longest + lengths[r]; i++)
                    {
                        var from = others[i];
                        ref readonly var step = ref walk[from];
                        var to = step.Next(features[step.Feature]);
                        moved |= to ^ from;
                        others[i] = to;
                    }
                }
                if (moved == 0) break;
            }
            for (var r = 0; r < count; r++)
            {
                var contributions = result[r];
                for (var i = r * longest; i < r * longest + lengths[r]; i++)
                    contributions[nodes[paths[i]].Feature] += (float)(outputs[r] - _leaves[others[i] - firstLeaf]);
            }
        }
        return result;
    }

    /// <summary>
    /// The contributions of one feature vector, walking each other side on its own: the plain algorithm, kept as the
    /// reference <see cref="Contributions"/> is tested and benchmarked against.
    /// </summary>
    internal float[] ContributionsOneRowAtATime(float[] features, int featureCount)
    {
        var contributions = new float[featureCount];
        Span<int> path = _deepest <= 256 ? stackalloc int[_deepest] : new int[_deepest];
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

    /// <summary>A node of the blocked walk, with its children side by side so the side taken indexes them (no branch).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly struct WalkNode(int feature, float threshold, int left, int right)
    {
        public readonly int Feature = feature;
        public readonly float Threshold = threshold;
        public readonly int Left = left;
        public readonly int Right = right;

        /// <summary>The child a row with <paramref name="value"/> for <see cref="Feature"/> goes to: the side is an index, not a branch.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Next(float value) => Unsafe.Add(ref Unsafe.AsRef(in Left), value <= Threshold ? 0 : 1);
    }

    /// <summary>A tree's root node, or ~leaf for a tree that is a single leaf.</summary>
    /// <param name="Depth">The most splits on any path from the root to a leaf (0 for a single leaf).</param>
    private readonly record struct Tree(int Root, double Weight, int Depth);
}
