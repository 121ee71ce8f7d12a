using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace MatchEngine.Engine.Index;

/// <summary>
/// Terms' postings of a segment decoded once into two arrays (documents and frequencies, deletions not applied), so
/// retrieval, which reads the same frequent terms shortlist after shortlist, walks arrays instead of Lucene's block
/// decoder. Entries are kept per segment core and dropped with it, within one byte budget for the whole process;
/// beyond the budget terms are read from the index as before. Thread-safe.
/// </summary>
internal static class DecodedPostings
{
    /// <summary>Largest total size of all decoded postings: 8 bytes per posting.</summary>
    public const long BudgetBytes = 192L << 20;

    private static readonly ConditionalWeakTable<object, Segment> Segments = new();
    private static long _bytes;

    /// <summary>A term's postings: its documents in order and each one's frequency.</summary>
    public sealed record Postings(int[] Docs, float[] Freqs);

    /// <summary>
    /// The postings of the term <paramref name="terms"/> is positioned on (<paramref name="field"/>:<paramref name="term"/>
    /// of <paramref name="reader"/>), decoded on first use; null when the budget is spent or the reader is not a segment.
    /// </summary>
    public static Postings? Of(AtomicReader reader, string field, string term, TermsEnum terms)
    {
        if (reader is not SegmentReader segmentReader) return null;
        var segment = Segments.GetValue(segmentReader.CoreCacheKey, _ =>
        {
            var created = new Segment();
            segmentReader.AddCoreDisposedListener(created);
            return created;
        });
        if (segment.Terms.TryGetValue((field, term), out var known)) return known;
        var docFreq = terms.DocFreq;
        var size = 8L * docFreq;
        if (Interlocked.Add(ref _bytes, size) > BudgetBytes)
        {
            Interlocked.Add(ref _bytes, -size);
            return null;
        }
        var postings = Decode(terms, docFreq);
        if (!segment.Terms.TryAdd((field, term), postings)) Interlocked.Add(ref _bytes, -size);
        else Interlocked.Add(ref segment.Bytes, size);
        return segment.Terms[(field, term)];
    }

    private static Postings Decode(TermsEnum terms, int docFreq)
    {
        var docs = new int[docFreq];
        var freqs = new float[docFreq];
        var enumerator = terms.Docs(liveDocs: null, reuse: null, DocsFlags.FREQS);
        var n = 0;
        for (var doc = enumerator.NextDoc(); doc != Lucene.Net.Search.DocIdSetIterator.NO_MORE_DOCS; doc = enumerator.NextDoc())
        {
            docs[n] = doc;
            freqs[n++] = enumerator.Freq;
        }
        if (n != docFreq) throw new InvalidOperationException($"term has {n} postings, its document frequency says {docFreq}");
        return new Postings(docs, freqs);
    }

    /// <summary>One segment core's decoded terms; gives their bytes back to the budget when the core closes.</summary>
    private sealed class Segment : SegmentReader.ICoreDisposedListener
    {
        public readonly ConcurrentDictionary<(string Field, string Term), Postings> Terms = new();
        public long Bytes;

        public void OnDispose(object ownerCoreCacheKey)
        {
            Interlocked.Add(ref _bytes, -Interlocked.Exchange(ref Bytes, 0));
            Terms.Clear();
            Segments.Remove(ownerCoreCacheKey);
        }
    }
}
