namespace MatchEngine.Engine.Domain;

/// <summary>
/// A set of free labels (skills, certificates, sectors) compared as <see cref="Labels.Key"/> does, held as
/// sorted ids of the interned keys: a candidate's skills are one small array, and the labels two sets share
/// are counted by one merge, with no string hashing or comparing per pair. Featurizing a thousand pairs
/// per shortlist is what this is for. Ids are interned for the life of the process (one entry per distinct
/// label ever seen), so they are never stored or compared across processes. Immutable and thread-safe.
/// </summary>
public sealed class LabelSet
{
    private static readonly Interner Ids = new(StringComparer.Ordinal);

    private static readonly LabelSet Empty = new([]);

    private readonly int[] _ids;

    private LabelSet(int[] ids) => _ids = ids;

    /// <summary>The set of the keys of <paramref name="labels"/>.</summary>
    /// <remarks>Runs three times per candidate when the pool loads (400,000 candidates at national scale), so without LINQ.</remarks>
    public static LabelSet Of(IEnumerable<string> labels)
    {
        var list = labels as IReadOnlyList<string> ?? labels.ToList();
        if (list.Count == 0) return Empty;
        var ids = new int[list.Count];
        for (var i = 0; i < ids.Length; i++) ids[i] = Ids.Of(Labels.Key(list[i]));
        Array.Sort(ids);
        var distinct = 1;
        for (var i = 1; i < ids.Length; i++)
            if (ids[i] != ids[distinct - 1]) ids[distinct++] = ids[i];
        if (distinct < ids.Length) Array.Resize(ref ids, distinct);
        return new LabelSet(ids);
    }

    /// <summary>The interned ids of the set's keys, ascending (ids of this process only; see the type's remarks).</summary>
    internal ReadOnlySpan<int> KeyIds => _ids;

    /// <summary>Number of distinct labels.</summary>
    public int Count => _ids.Length;

    /// <summary>True when the set holds a label equal to <paramref name="label"/> (by <see cref="Labels.Key"/>).</summary>
    public bool Contains(string label) => Ids.TryGet(Labels.Key(label), out var id) && Array.BinarySearch(_ids, id) >= 0;

    /// <summary>How many labels this set and <paramref name="other"/> have in common.</summary>
    public int CountShared(LabelSet other)
    {
        int[] a = _ids, b = other._ids;
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return shared;
    }
}
