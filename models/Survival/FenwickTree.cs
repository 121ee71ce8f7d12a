namespace MatchEngine.Models.Survival;

/// <summary>Counts over ranks 0..n−1 with O(log n) add and prefix sum. Mutable; not thread-safe.</summary>
internal sealed class FenwickTree(int size)
{
    private readonly long[] _tree = new long[size + 1];

    public long Total { get; private set; }

    public void Add(int rank)
    {
        Total++;
        for (var i = rank + 1; i < _tree.Length; i += i & -i) _tree[i]++;
    }

    /// <summary>How many added ranks are &lt; <paramref name="rank"/>.</summary>
    public long Below(int rank)
    {
        long sum = 0;
        for (var i = rank; i > 0; i -= i & -i) sum += _tree[i];
        return sum;
    }

    /// <summary>How many added ranks are below, equal to and above <paramref name="rank"/>.</summary>
    public (long Below, long Equal, long Above) Split(int rank)
    {
        var below = Below(rank);
        var equal = Below(rank + 1) - below;
        return (below, equal, Total - below - equal);
    }
}
