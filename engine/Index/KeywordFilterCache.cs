using System.Collections.Concurrent;
using Lucene.Net.Search;

namespace MatchEngine.Engine.Index;

/// <summary>
/// Keeps the <see cref="KeywordFilter"/> of each keyword combination a search uses. Searches repeat a
/// handful of combinations (a region's candidates with consent), so after the first search a filter's
/// bits are ready for every segment. Bounded: past <see cref="MaxFilters"/> distinct combinations the
/// cache starts over. Thread-safe.
/// </summary>
internal sealed class KeywordFilterCache
{
    public const int MaxFilters = 256;

    private readonly ConcurrentDictionary<string, KeywordFilter> _filters = new(StringComparer.Ordinal);

    /// <summary>The cached filter for the conjunction of <paramref name="keywords"/>' clauses.</summary>
    public KeywordFilter For(BooleanQuery keywords)
    {
        var key = keywords.ToString();
        if (_filters.TryGetValue(key, out var filter)) return filter;
        if (_filters.Count >= MaxFilters) _filters.Clear();
        return _filters.GetOrAdd(key, _ => new KeywordFilter(keywords));
    }
}
