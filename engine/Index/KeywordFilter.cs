using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace MatchEngine.Engine.Index;

/// <summary>
/// The keyword part of a search (type, consent, region, shifts, sector, employer): the documents matching
/// all its clauses, computed once per index segment as a bit set and checked per matching document (<see cref="SegmentFilter"/>).
/// On 100,000 candidates, pushing the same filter into the text query (FilteredQuery, random
/// access or leapfrog) made scoring the text markedly dearer in a development probe, whereas a bit test per hit is nearly free.
/// A new segment (after a write) computes only its own bits; deletions are applied by the searcher.
/// Thread-safe.
/// </summary>
internal sealed class KeywordFilter(BooleanQuery keywords)
{
    private readonly QueryWrapperFilter _filter = new(keywords);
    private readonly ConditionalWeakTable<object, FixedBitSet> _bits = new();

    /// <summary>The documents of <paramref name="segment"/> that match every keyword clause.</summary>
    public FixedBitSet Bits(AtomicReaderContext segment) => _bits.GetValue(segment.AtomicReader.CoreCacheKey, _ =>
    {
        var bits = new FixedBitSet(segment.AtomicReader.MaxDoc);
        if (_filter.GetDocIdSet(segment, acceptDocs: null)?.GetIterator() is { } matching) bits.Or(matching);
        return bits;
    });
}
