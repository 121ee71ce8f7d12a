using System.Collections.Concurrent;

namespace MatchEngine.Engine.Matching;

/// <summary>
/// ISCO codes as small ids, equal exactly when the codes are equal (ordinal), so that featurizing compares two ints
/// instead of two strings on the heap. Ids live for the process (one per distinct code ever seen) and are never
/// stored. Thread-safe.
/// </summary>
internal static class IscoCodes
{
    private static readonly ConcurrentDictionary<string, int> Ids = new(StringComparer.Ordinal);
    private static int _lastId;

    /// <summary>The id of <paramref name="isco"/>.</summary>
    public static int Of(string isco) => Ids.GetOrAdd(isco, _ => Interlocked.Increment(ref _lastId));
}
