using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace MatchEngine.Engine.Index;

/// <summary>
/// The record id of each document of a segment, read from the id doc values on a document's first hit and kept:
/// a shortlist turns a thousand hits into ids, and reading each through Lucene.Net's doc values (a memory-mapped
/// buffer) and decoding it again was a measurable share of retrieval. A document's id never changes within a
/// segment, so the cache is keyed on the segment's core and collected with it: a reference per document, plus the
/// ids of documents hit so far. Thread-safe (two threads filling the same slot store equal strings).
/// </summary>
internal sealed class SegmentIds
{
    private static readonly ConditionalWeakTable<object, SegmentIds> Cache = new();

    private readonly string?[] _ids;
    private readonly BinaryDocValues? _values;
    private readonly Lock _reading = new(); // a doc values reader keeps state between calls

    private SegmentIds(AtomicReader reader)
    {
        _ids = new string?[reader.MaxDoc];
        _values = reader.GetBinaryDocValues(IndexSchema.IdDv);
    }

    /// <summary>The ids of <paramref name="reader"/>'s segment.</summary>
    public static SegmentIds Of(AtomicReader reader) => Cache.GetValue(reader.CoreCacheKey, _ => new SegmentIds(reader));

    /// <summary>The id of document <paramref name="doc"/> of the segment.</summary>
    public string Get(int doc)
    {
        if (_ids[doc] is { } id) return id;
        if (_values is null) throw new InvalidOperationException("the segment has no id doc values");
        var bytes = new BytesRef();
        lock (_reading) _values.Get(doc, bytes);
        return _ids[doc] = bytes.Utf8ToString();
    }
}
