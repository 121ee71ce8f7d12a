using Lucene.Net.Search;

namespace MatchEngine.Engine.Index;

/// <summary>
/// The best n of the documents offered (score descending, then document ascending), for documents offered in ascending
/// order. Documents that could enter go to a buffer of 2n; when it is full, a selection (quickselect) keeps the best n and
/// sets the floor to the worst of them, which only documents that score higher pass from then on. A document that enters
/// costs one copy, and every n of them one linear selection, where a heap of the best n sifts each one through about
/// log₂ n levels of unpredictable branches (5.5% of the api's CPU under load at n = 1,000, docs/scaling.md).
/// Not thread-safe.
/// </summary>
internal sealed class BestDocuments
{
    private readonly int _size;
    private readonly (int Doc, float Score)[] _buffer;
    private int _count;
    private bool _floorSet;
    private (int Doc, float Score) _worstKept;

    public BestDocuments(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        _size = size;
        _buffer = new (int, float)[2 * size];
    }

    /// <summary>
    /// A sum (in double precision) that every document still able to enter lies above: 0 until the first selection (every
    /// score is positive), then the worst score kept by it (a later document enters only with a higher score, and a sum
    /// whose single-precision score is higher is itself higher).
    /// </summary>
    public double Floor => _size == 0 ? double.PositiveInfinity : _floorSet ? _worstKept.Score : 0;

    /// <summary>True when (<paramref name="doc"/>, <paramref name="score"/>) could be among the best if offered now.</summary>
    public bool Admits(int doc, float score) => _size > 0 && (!_floorSet || Better((doc, score), _worstKept));

    /// <summary>Offers a document later than every document offered before.</summary>
    public void Offer(int doc, float score)
    {
        if (!Admits(doc, score)) return;
        if (_count == _buffer.Length)
        {
            KeepBest();
            if (!Admits(doc, score)) return;
        }
        _buffer[_count++] = (doc, score);
    }

    /// <summary>The best n (or fewer, when fewer were offered), best first.</summary>
    public ScoreDoc[] Sorted()
    {
        if (_count > _size) KeepBest();
        var best = _buffer.AsSpan(0, _count);
        best.Sort(static (x, y) => Better(x, y) ? -1 : Better(y, x) ? 1 : 0);
        var sorted = new ScoreDoc[best.Length];
        for (var i = 0; i < sorted.Length; i++) sorted[i] = new ScoreDoc(best[i].Doc, best[i].Score);
        return sorted;
    }

    /// <summary>Moves the best n of the buffer to its front, drops the rest and raises the floor to the worst kept.</summary>
    private void KeepBest()
    {
        var items = _buffer.AsSpan(0, _count);
        SelectBest(items, _size);
        _count = _size;
        _worstKept = items[_size - 1];
        _floorSet = true;
    }

    /// <summary>
    /// Reorders <paramref name="items"/> so that its best <paramref name="n"/> come first, with the n-th best at position
    /// n − 1 (quickselect: Hoare partitions around the middle element, narrowed to the side that holds position n − 1).
    /// </summary>
    internal static void SelectBest(Span<(int Doc, float Score)> items, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, items.Length);
        var k = n - 1;
        int lo = 0, hi = items.Length - 1;
        while (lo < hi)
        {
            var pivot = items[lo + (hi - lo) / 2];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (Better(items[i], pivot)) i++;
                while (Better(pivot, items[j])) j--;
                if (i > j) break;
                (items[i], items[j]) = (items[j], items[i]);
                i++;
                j--;
            }
            // Now items[lo..j] are no worse than the pivot, items[i..hi] no better, and anything between them is the pivot.
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else return;
        }
    }

    private static bool Better((int Doc, float Score) x, (int Doc, float Score) than) =>
        x.Score > than.Score || x.Score == than.Score && x.Doc < than.Doc;
}
