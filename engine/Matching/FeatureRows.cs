using System.Collections;

namespace MatchEngine.Engine.Matching;

/// <summary>
/// The feature vectors of one shortlist's retrieved pairs, lent by the thread that ranks it and taken back when the
/// shortlist is done (<see cref="Dispose"/>): a shortlist featurizes about 1,500 pairs, and allocating their vectors
/// anew for every call was a third of what the api allocated per call. Every vector is
/// <see cref="PairFeatures.Names"/> long. Not thread-safe; no vector may be kept after <see cref="Dispose"/>.
/// </summary>
internal sealed class FeatureRows : IReadOnlyList<float[]>, IDisposable
{
    /// <summary>The vectors the current thread lent out last and got back, reused by its next shortlist.</summary>
    [ThreadStatic] private static float[][]? t_spare;

    private float[][]? _rows;

    private FeatureRows(float[][] rows, int count)
    {
        _rows = rows;
        Count = count;
    }

    public int Count { get; }

    public float[] this[int index] => (uint)index < (uint)Count ? Rows[index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary><paramref name="count"/> vectors, from the current thread's spare ones where it has enough.</summary>
    public static FeatureRows Rent(int count)
    {
        var rows = t_spare;
        t_spare = null;
        if (rows is null || rows.Length < count)
        {
            var grown = new float[count][];
            var kept = rows?.Length ?? 0;
            if (rows is not null) Array.Copy(rows, grown, kept);
            for (var i = kept; i < count; i++) grown[i] = new float[PairFeatures.Names.Count];
            rows = grown;
        }
        return new FeatureRows(rows, count);
    }

    /// <summary>Most vectors a thread keeps for its next shortlist (a default shortlist needs 1,500).</summary>
    public const int MostKept = 4_000;

    /// <summary>Gives the vectors back to the current thread, for its next shortlist (at most <see cref="MostKept"/> of them).</summary>
    public void Dispose()
    {
        if (_rows is null) return;
        if (_rows.Length <= MostKept && (t_spare is null || t_spare.Length < _rows.Length)) t_spare = _rows;
        _rows = null;
    }

    public IEnumerator<float[]> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return Rows[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private float[][] Rows => _rows ?? throw new ObjectDisposedException(nameof(FeatureRows));
}
