using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace MatchEngine.Engine.Index;

/// <summary>
/// The live document of each record of one kind (the documents a <see cref="KeywordFilter"/> on the record type matches)
/// by record id: scoring a few hundred known candidates looks each up instead of running a query with a clause per id.
/// Each segment's map is built from the id doc values on first use and kept per segment core, like
/// <see cref="SegmentIds"/>; the live documents of a snapshot (a reader) are gathered from them once, on its first
/// lookup, and kept while the reader lives, so a lookup is one read per id whatever the number of segments. Thread-safe.
/// </summary>
internal sealed class DocumentsById(KeywordFilter kind)
{
    private readonly ConditionalWeakTable<object, Segment> _segments = new();
    private readonly ConditionalWeakTable<IndexReader, Dictionary<string, (int Segment, int Doc)>> _snapshots = new();
    private readonly ConditionalWeakTable<IndexReader, ConditionalWeakTable<IReadOnlyList<string>, (int Segment, int Doc)[]>> _positions = new();

    /// <summary>
    /// The live document of each of <paramref name="ids"/> in <paramref name="searcher"/>'s snapshot that has one, with the
    /// id it belongs to. Should a record have two live documents, the one in the later segment (then the later document) counts.
    /// </summary>
    public List<(int Segment, int Doc, string Id)> Live(IndexSearcher searcher, IEnumerable<string> ids)
    {
        var live = _snapshots.GetValue(searcher.IndexReader, reader => LiveOf(reader));
        var found = new List<(int, int, string)>();
        foreach (var id in ids)
            if (live.TryGetValue(id, out var at)) found.Add((at.Segment, at.Doc, id));
        return found;
    }

    /// <summary>
    /// The live document of each of <paramref name="ids"/> (by position; segment -1 for an id without one) in
    /// <paramref name="searcher"/>'s snapshot, as <see cref="Live"/> finds them. Looked up once per snapshot and list, and
    /// kept while both live: a caller that asks again with the same list reads positions instead of looking ids up.
    /// </summary>
    public (int Segment, int Doc)[] Positions(IndexSearcher searcher, IReadOnlyList<string> ids)
    {
        var lists = _positions.GetValue(searcher.IndexReader, _ => new());
        return lists.GetValue(ids, _ =>
        {
            var live = _snapshots.GetValue(searcher.IndexReader, reader => LiveOf(reader));
            var positions = new (int, int)[ids.Count];
            for (var i = 0; i < positions.Length; i++) positions[i] = live.TryGetValue(ids[i], out var at) ? at : (-1, -1);
            return positions;
        });
    }

    private Dictionary<string, (int Segment, int Doc)> LiveOf(IndexReader reader)
    {
        var live = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        foreach (var context in reader.Leaves)
            _segments.GetValue(context.AtomicReader.CoreCacheKey, _ => new Segment(context, kind)).AddLive(context.AtomicReader.LiveDocs, context.Ord, live);
        return live;
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

        /// <summary>Sets the live documents of this segment (number <paramref name="ord"/>) in <paramref name="found"/>, a later document of an id over an earlier one.</summary>
        public void AddLive(IBits? live, int ord, Dictionary<string, (int, int)> found)
        {
            foreach (var (id, doc) in _first)
                if (live is null || live.Get(doc)) found[id] = (ord, doc);
            foreach (var (id, more) in _more)
                foreach (var other in more)
                    if (live is null || live.Get(other)) found[id] = (ord, other);
        }
    }
}
