namespace MatchEngine.Engine.Domain;

/// <summary>
/// How a <see cref="BestOf{T, TOrder}"/> ranks its items, best first: a strict weak order. Items neither of which is better
/// than the other tie; which of tied items at the floor are kept is not specified, so an order that must keep a particular
/// one breaks ties itself (a retrieval's top: the lower document).
/// </summary>
public interface IBestFirst<T>
{
    /// <summary>True when <paramref name="x"/> ranks above <paramref name="than"/>.</summary>
    static abstract bool Better(T x, T than);
}

/// <summary>
/// The best n of the items offered, in the order of <typeparamref name="TOrder"/>. Items that could enter go to a buffer of
/// 2n; when it is full, a selection (quickselect) keeps the best n and makes the worst of them the floor, which an item
/// must rank above to enter from then on. An item that enters costs one copy, and every n of them one linear selection,
/// where a binary heap of the best n sifts each one through about log₂ n levels of unpredictable branches: retrieval's
/// best 1,000 by BM25 cost 187 against 481 µs (<c>BestDocumentsBenchmarks</c>). Not thread-safe.
/// </summary>
internal sealed class BestOf<T, TOrder> where TOrder : IBestFirst<T>
{
    private readonly int _size;
    private readonly T[] _buffer;
    private int _count;

    public BestOf(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        _size = size;
        _buffer = new T[2 * size];
    }

    /// <summary>True once a selection has set <see cref="Floor"/>; until then every item is admitted (when n &gt; 0).</summary>
    public bool HasFloor { get; private set; }

    /// <summary>The worst item kept by the last selection: an item enters only when it ranks above it (<see cref="HasFloor"/>).</summary>
    public T Floor { get; private set; } = default!;

    /// <summary>True when <paramref name="item"/> could be among the best if offered now.</summary>
    public bool Admits(T item) => _size > 0 && (!HasFloor || TOrder.Better(item, Floor));

    public void Offer(T item)
    {
        if (!Admits(item)) return;
        if (_count == _buffer.Length)
        {
            KeepBest();
            if (!Admits(item)) return;
        }
        _buffer[_count++] = item;
    }

    /// <summary>The best n (or all, when fewer were offered), best first; their storage until the next <see cref="Offer"/>.</summary>
    public ReadOnlySpan<T> Sorted()
    {
        if (_count > _size) KeepBest();
        var best = _buffer.AsSpan(0, _count);
        best.Sort(static (x, y) => TOrder.Better(x, y) ? -1 : TOrder.Better(y, x) ? 1 : 0);
        return best;
    }

    /// <summary>Moves the best n of the buffer to its front, drops the rest and raises the floor to the worst kept.</summary>
    private void KeepBest()
    {
        var items = _buffer.AsSpan(0, _count);
        SelectBest(items, _size);
        _count = _size;
        Floor = items[_size - 1];
        HasFloor = true;
    }

    /// <summary>
    /// Reorders <paramref name="items"/> so that its best <paramref name="n"/> come first, with the n-th best at position
    /// n − 1 (quickselect: Hoare partitions around the middle element, narrowed to the side that holds position n − 1).
    /// </summary>
    internal static void SelectBest(Span<T> items, int n)
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
                while (TOrder.Better(items[i], pivot)) i++;
                while (TOrder.Better(pivot, items[j])) j--;
                if (i > j) break;
                (items[i], items[j]) = (items[j], items[i]);
                i++;
                j--;
            }
            // Now items[lo..j] rank no lower than the pivot, items[i..hi] no higher, and anything between them is the pivot.
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else return;
        }
    }
}
