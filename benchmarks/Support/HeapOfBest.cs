namespace MatchEngine.Benchmarks.Support;

/// <summary>
/// The best n documents (score descending, then document ascending) as a min-heap with the worst kept on top: how
/// retrieval kept its top before <see cref="Engine.Domain.BestOf{T, TOrder}"/>, kept here as that benchmark's baseline.
/// </summary>
internal sealed class HeapOfBest(int size)
{
    private readonly (int Doc, float Score)[] _heap = new (int, float)[size];
    private int _count;

    public double Floor => _count < _heap.Length ? 0 : _heap.Length == 0 ? double.PositiveInfinity : _heap[0].Score;

    public void Offer(int doc, float score)
    {
        if (_count < _heap.Length)
        {
            _heap[_count] = (doc, score);
            Up(_count++);
        }
        else if (Better((doc, score), _heap[0]))
        {
            _heap[0] = (doc, score);
            Down(0);
        }
    }

    public (int Doc, float Score)[] Sorted()
    {
        var result = _heap[.._count];
        Array.Sort(result, (x, y) => Better(x, y) ? -1 : Better(y, x) ? 1 : 0);
        return result;
    }

    private static bool Better((int Doc, float Score) x, (int Doc, float Score) than) =>
        x.Score > than.Score || x.Score == than.Score && x.Doc < than.Doc;

    private void Up(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!Better(_heap[parent], _heap[i])) break;
            (_heap[parent], _heap[i]) = (_heap[i], _heap[parent]);
            i = parent;
        }
    }

    private void Down(int i)
    {
        while (true)
        {
            int left = 2 * i + 1, right = left + 1, worst = i;
            if (left < _count && Better(_heap[worst], _heap[left])) worst = left;
            if (right < _count && Better(_heap[worst], _heap[right])) worst = right;
            if (worst == i) return;
            (_heap[worst], _heap[i]) = (_heap[i], _heap[worst]);
            i = worst;
        }
    }
}
