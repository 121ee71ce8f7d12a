using System.Collections.Concurrent;

namespace MatchEngine.Engine.Domain;

/// <summary>
/// Strings as small ids, equal exactly when the strings are equal by the comparer, so that code run per pair compares
/// ints instead of strings on the heap. Ids live for the process (one per distinct string ever seen) and are never
/// stored or compared across processes. Thread-safe.
/// </summary>
internal sealed class Interner
{
    private readonly ConcurrentDictionary<string, int> _ids;
    private readonly Func<string, int> _next; // one delegate, not one per call
    private int _lastId;

    public Interner(IEqualityComparer<string> comparer)
    {
        _ids = new ConcurrentDictionary<string, int>(comparer);
        _next = _ => Interlocked.Increment(ref _lastId);
    }

    /// <summary>The id of <paramref name="value"/>, given on first sight.</summary>
    public int Of(string value) => _ids.GetOrAdd(value, _next);

    /// <summary>The id of <paramref name="value"/> if it has one.</summary>
    public bool TryGet(string value, out int id) => _ids.TryGetValue(value, out id);
}
