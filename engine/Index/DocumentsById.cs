using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace MatchEngine.Engine.Index;

/// <summary>
/// The live documents of one kind (the documents a <see cref="KeywordFilter"/> on the record type matches) by record id:
/// scoring a few hundred known candidates looks each up instead of running a query with a clause per id. Each segment's
/// map is built from the id doc values on first use and kept per segment core, like <see cref="SegmentIds"/>; deletions
/// change after a core is built, so they are applied on every lookup. Thread-safe.
/// </summary>
internal sealed class DocumentsById(KeywordFilter kind)
{
    private readonly ConditionalWeakTable<object, Segment> _segments = new();

    /// <summary>The live documents of <paramref name="ids"/> in <paramref name="searcher"/>'s snapshot, each with the id it belongs to.</summary>
    public List<(int Segment, int Doc, string Id)> Live(IndexSearcher searcher, IEnumerable<string> ids)
    {
        var found = new List<(int, int, string)>();
        var ordered = ids as IReadOnlyCollection<string> ?? [.. ids];
        foreach (var context in searcher.IndexReader.Leaves)
        {
            var segment = _segments.GetValue(context.AtomicReader.CoreCacheKey, _ => new Segment(context, kind));
            var live = context.AtomicReader.LiveDocs;
            foreach (var id in ordered) segment.AddLive(id, live, context.Ord, found);
        }
        return found;
    }

    /// <summary>One segment's documents of the kind by id, deleted ones included.</summary>
    private sealed class Segment
    {
        private readonly Dictionary<string, int> _first = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<int>> _more = new(StringComparer.Ordinal);

        public Segment(AtomicReaderContext segment, KeywordFilter kind)
        {
            var bits = kind.Bits(segment);
            var ids = SegmentIds.Of(segment.AtomicReader);
            for (var doc = 0; doc < segment.AtomicReader.MaxDoc; doc++)
            {
                if (!bits.Get(doc)) continue;
                var id = ids.Get(doc);
                // A record written twice within one segment's life has a deleted document beside its live one.
                if (!_first.TryAdd(id, doc)) (_more.TryGetValue(id, out var list) ? list : _more[id] = []).Add(doc);
            }
        }

        /// <summary>Adds the live documents of <paramref name="id"/> in this segment (number <paramref name="ord"/>) to <paramref name="found"/>.</summary>
        public void AddLive(string id, IBits? live, int ord, List<(int, int, string)> found)
        {
            if (!_first.TryGetValue(id, out var doc)) return;
            if (live is null || live.Get(doc)) found.Add((ord, doc, id));
            if (!_more.TryGetValue(id, out var more)) return;
            foreach (var other in more)
                if (live is null || live.Get(other)) found.Add((ord, other, id));
        }
    }
}
