using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace MatchEngine.Engine.Index;

/// <summary>
/// The documents of one segment by record id, for the documents of one kind (the bits of a <see cref="KeywordFilter"/> on
/// the record type): scoring a few hundred known candidates then looks each up instead of running a query with a clause
/// per id. Built from the id doc values on first use and kept per segment core, like <see cref="SegmentIds"/>; deletions
/// are not applied here (a segment's core outlives them), so a caller checks the live documents. Thread-safe.
/// </summary>
internal sealed class SegmentDocuments
{
    private static readonly ConditionalWeakTable<object, SegmentDocuments> Cache = new();

    private readonly Dictionary<string, int> _first = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _more = new(StringComparer.Ordinal);

    private SegmentDocuments(AtomicReaderContext segment, KeywordFilter kind)
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

    /// <summary>The documents of <paramref name="kind"/> in <paramref name="segment"/>, by id. One <paramref name="kind"/> per process (the cache is per segment only).</summary>
    public static SegmentDocuments Of(AtomicReaderContext segment, KeywordFilter kind) =>
        Cache.GetValue(segment.AtomicReader.CoreCacheKey, _ => new SegmentDocuments(segment, kind));

    /// <summary>Adds the segment's documents with <paramref name="id"/> (live or deleted) to <paramref name="found"/>.</summary>
    public void AddDocumentsOf(string id, List<int> found)
    {
        if (!_first.TryGetValue(id, out var doc)) return;
        found.Add(doc);
        if (_more.TryGetValue(id, out var more)) found.AddRange(more);
    }
}
