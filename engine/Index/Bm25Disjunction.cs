using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using MatchEngine.Engine.Domain;
using TopDocuments = MatchEngine.Engine.Domain.BestOf<(int Doc, float Score), MatchEngine.Engine.Index.Bm25Disjunction.ByScore>;

namespace MatchEngine.Engine.Index;

/// <summary>
/// The top documents for a disjunction of weighted terms that pass a search's filters, scored exactly as Lucene's
/// BM25 scores the same BooleanQuery of SHOULD term clauses (coord disabled): same idf, average field length,
/// norm cache and per-term formula in single precision, the per-document sum in double precision in the order
/// Lucene's BooleanScorer adds it (last clause first), and ties broken by the lower document. What differs is the
/// work: each term's postings are read straight into a dense per-segment accumulator, instead of through a
/// scorer, collector and bucket table per posting, and the filters are tested once per matching document before
/// a score enters the top. Retrieval for a shortlist reads about a hundred thousand postings, which made Lucene's
/// bulk scorer the largest single cost of a shortlist call; terms read before come from <see cref="DecodedPostings"/>
/// instead of the index's block decoder. Thread-safe (state per call).
/// </summary>
internal static class Bm25Disjunction
{
    private const float K1 = 1.2f;
    private const float B = 0.75f;

    /// <summary>Per-segment score sums, handed back all zero; a pool of their own, so no other code hands back dirty arrays.</summary>
    private static readonly ArrayPool<double> SumArrays = ArrayPool<double>.Create(maxArrayLength: 1 << 25, maxArraysPerBucket: 16);

    /// <summary>Lucene's BM25 length decoding: 1 / f² of each norm byte (SmallSingle 3.15 encoding).</summary>
    private static readonly float[] NormTable = Enumerable.Range(0, 256).Select(i =>
    {
        var f = SmallSingle.SByte315ToSingle((sbyte)i);
        return 1.0f / (f * f);
    }).ToArray();

    /// <summary>One SHOULD clause: a term of a field with its query boost.</summary>
    public readonly record struct Clause(string Field, string Term, float Boost);

    /// <summary>
    /// The best <paramref name="top"/> (global document, score) pairs, best first. With <paramref name="kept"/>, every document's
    /// score of the pass (filtered or not) is kept there: what <see cref="ScoreDocuments"/> would give for any other document,
    /// without summing the postings again.
    /// </summary>
    public static ScoreDoc[] Top(IndexSearcher searcher, IReadOnlyList<Clause> clauses, KeywordFilter keywords, NumericConstraints constraints, int top,
        SegmentSums? kept = null)
    {
        var leaves = searcher.IndexReader.Leaves;
        var terms = leaves.Select(leaf => new SegmentTerms(leaf.AtomicReader)).ToArray();
        var weighted = Weighted(searcher, clauses, terms);
        var best = new TopDocuments(top);
        foreach (var segment in leaves)
            ScoreSegment(segment, weighted, terms[segment.Ord], new SegmentFilter(segment, keywords, constraints), best, kept);
        var sorted = best.Sorted();
        var result = new ScoreDoc[sorted.Length];
        for (var i = 0; i < result.Length; i++) result[i] = new ScoreDoc(sorted[i].Doc, sorted[i].Score);
        return result;
    }

    /// <summary>
    /// The summed scores of every document of a <see cref="Top"/> pass, per segment (0: no term matched, or deleted). Holds
    /// pooled arrays: dispose it. Not thread-safe.
    /// </summary>
    public sealed class SegmentSums(int segments) : IDisposable
    {
        private readonly double[]?[] _sums = new double[segments][];

        /// <summary>The score of document <paramref name="doc"/> of segment <paramref name="segment"/>, in single precision as <see cref="Top"/> gives it.</summary>
        public float Of(int segment, int doc) => _sums[segment] is { } sums ? (float)sums[doc] : 0;

        internal void Keep(int segment, double[] sums) => _sums[segment] = sums;

        public void Dispose()
        {
            for (var s = 0; s < _sums.Length; s++)
            {
                if (_sums[s] is { } sums) SumArrays.Return(sums, clearArray: true);
                _sums[s] = null;
            }
        }
    }

    /// <summary>
    /// The score of each of <paramref name="documents"/> (segment, document) as <see cref="Top"/> would give it, 0 for a
    /// document no term matches or one deleted. For a few hundred documents known beforehand, a term's frequency in each is
    /// looked up in its postings instead of every posting being summed; from one in <see cref="DenseShare"/> of the index's
    /// documents on, every posting is summed as <see cref="Top"/> sums them and the documents asked for are read out.
    /// </summary>
    public static float[] ScoreDocuments(IndexSearcher searcher, IReadOnlyList<Clause> clauses, IReadOnlyList<(int Segment, int Doc)> documents)
    {
        var leaves = searcher.IndexReader.Leaves;
        var terms = leaves.Select(leaf => new SegmentTerms(leaf.AtomicReader)).ToArray();
        var weighted = Weighted(searcher, clauses, terms);
        if ((long)documents.Count * DenseShare >= searcher.IndexReader.MaxDoc) return ScoreDense(leaves, weighted, terms, documents);
        var sums = new double[documents.Count];
        var order = Enumerable.Range(0, documents.Count).OrderBy(i => documents[i].Segment).ThenBy(i => documents[i].Doc).ToArray();
        for (var c = weighted.Length - 1; c >= 0; c--) // Lucene's order of addition, as in ScoreSegment
        {
            var clause = weighted[c];
            var segment = -1;
            AtomicReader? reader = null;
            DecodedPostings.Postings? decoded = null;
            DocsEnum? postings = null;
            byte[]? norms = null;
            foreach (var i in order)
            {
                var (s, doc) = documents[i];
                if (s != segment)
                {
                    segment = s;
                    reader = null;
                    if (clause.States[s] is not { } state) continue;
                    reader = leaves[s].AtomicReader;
                    var fieldTerms = terms[s].Of(clause.Field)!;
                    fieldTerms.SeekExact(clause.Bytes, state);
                    decoded = DecodedPostings.Of(reader, clause.Field, clause.Term, fieldTerms);
                    postings = decoded is null ? fieldTerms.Docs(reader.LiveDocs, null, DocsFlags.FREQS) : null;
                    norms = SegmentNorms.Of(reader, clause.Field);
                }
                if (reader is null || reader.LiveDocs is { } live && !live.Get(doc)) continue;
                float freq;
                if (decoded is not null)
                {
                    var at = Array.BinarySearch(decoded.Docs, doc);
                    if (at < 0) continue;
                    freq = decoded.Freqs[at];
                }
                else
                {
                    var at = postings!.DocID >= doc ? postings.DocID : postings.Advance(doc);
                    if (at != doc) continue;
                    freq = postings.Freq;
                }
                sums[i] += TermScore(clause.WeightValue, freq, norms is null ? K1 : clause.LengthNorm[norms[doc]]);
            }
        }
        return [.. sums.Select(sum => (float)sum)];
    }

    /// <summary>From one in this many of the index's documents on, <see cref="ScoreDocuments"/> sums every posting.</summary>
    private const int DenseShare = 16;

    /// <summary><see cref="ScoreDocuments"/> for many documents: each segment's postings summed densely, as <see cref="Top"/> sums them.</summary>
    private static float[] ScoreDense(IList<AtomicReaderContext> leaves, WeightedClause[] clauses, SegmentTerms[] terms, IReadOnlyList<(int Segment, int Doc)> documents)
    {
        var scores = new float[documents.Count];
        foreach (var segment in Enumerable.Range(0, documents.Count).GroupBy(i => documents[i].Segment))
        {
            var leaf = leaves[segment.Key];
            var sums = SumArrays.Rent(leaf.AtomicReader.MaxDoc);
            try
            {
                Accumulate(leaf, clauses, terms[segment.Key], sums);
                foreach (var i in segment) scores[i] = (float)sums[documents[i].Doc];
            }
            finally
            {
                SumArrays.Return(sums, clearArray: true);
            }
        }
        return scores;
    }

    private static WeightedClause[] Weighted(IndexSearcher searcher, IReadOnlyList<Clause> clauses, SegmentTerms[] terms)
    {
        var lengthNorms = new Dictionary<string, (CollectionStatistics Collection, float[] LengthNorm)>(StringComparer.Ordinal);
        var weighted = new WeightedClause[clauses.Count];
        for (var i = 0; i < weighted.Length; i++)
        {
            var clause = clauses[i];
            if (!lengthNorms.TryGetValue(clause.Field, out var field)) lengthNorms[clause.Field] = field = LengthNorm(searcher.CollectionStatistics(clause.Field));
            weighted[i] = Weigh(clause, field.Collection, field.LengthNorm, terms);
        }
        return weighted;
    }

    /// <summary>BM25's length normalisation per norm byte for a field: k1 · (1 − b + b · length / average length).</summary>
    private static (CollectionStatistics, float[]) LengthNorm(CollectionStatistics collection)
    {
        var avgdl = collection.SumTotalTermFreq <= 0 ? 1f : (float)(collection.SumTotalTermFreq / (double)collection.MaxDoc);
        var lengthNorm = new float[256];
        for (var i = 0; i < lengthNorm.Length; i++) lengthNorm[i] = K1 * ((1 - B) + B * NormTable[i] / avgdl);
        return (collection, lengthNorm);
    }

    /// <summary>Looks the term up in every segment once: its document frequency, and where its postings start in each.</summary>
    private static WeightedClause Weigh(Clause clause, CollectionStatistics collection, float[] lengthNorm, SegmentTerms[] segments)
    {
        var bytes = new BytesRef(clause.Term);
        var states = new TermState?[segments.Length];
        long docFreq = 0;
        for (var s = 0; s < segments.Length; s++)
        {
            if (segments[s].Of(clause.Field) is not { } terms || !terms.SeekExact(bytes)) continue;
            docFreq += terms.DocFreq;
            states[s] = terms.GetTermState();
        }
        var idf = (float)Math.Log(1 + (collection.MaxDoc - docFreq + 0.5D) / (docFreq + 0.5D));
        var weight = idf * clause.Boost * 1f;
        return new WeightedClause(clause.Field, clause.Term, bytes, states, weight * (K1 + 1), lengthNorm);
    }

    private static void ScoreSegment(AtomicReaderContext segment, WeightedClause[] clauses, SegmentTerms terms, SegmentFilter filter, TopDocuments best,
        SegmentSums? kept)
    {
        var maxDoc = segment.AtomicReader.MaxDoc;
        var sums = SumArrays.Rent(maxDoc);
        var clean = false;
        try
        {
            Accumulate(segment, clauses, terms, sums);
            OfferMatches(segment.DocBase, sums, maxDoc, filter, best, clear: kept is null);
            if (kept is not null) kept.Keep(segment.Ord, sums);
            clean = true;
        }
        finally
        {
            if (!clean) SumArrays.Return(sums, clearArray: true);
            else if (kept is null) SumArrays.Return(sums, clearArray: false);
        }
    }

    /// <summary>
    /// Offers to the top every document of a segment whose sum could enter it, in document order, so the filter columns are
    /// read front to back. The sums are compared a vector at a time against the lowest sum that could still enter (0 until
    /// the top is full: every score is positive, so a zero sum is a document no term matched); once the top is full, most
    /// matching documents score below its worst, so most blocks are passed over whole. A document that could not enter
    /// the top anyway is not filtered: the score test is the cheaper one. With <paramref name="clear"/>, the sums are
    /// zeroed as they are read.
    /// </summary>
    private static void OfferMatches(int docBase, double[] sums, int maxDoc, SegmentFilter filter, TopDocuments best, bool clear)
    {
        var width = Vector<double>.Count;
        var floor = SumFloor(best);
        var doc = 0;
        for (; doc + width <= maxDoc; doc += width)
        {
            var block = new Vector<double>(sums, doc);
            if (clear) Vector<double>.Zero.CopyTo(sums, doc);
            if (!Vector.GreaterThanAny(block, new Vector<double>(floor))) continue;
            for (var lane = 0; lane < width; lane++)
                if (block[lane] > floor) Offer(docBase, doc + lane, block[lane], filter, best);
            floor = SumFloor(best);
        }
        for (; doc < maxDoc; doc++)
        {
            var sum = sums[doc];
            if (clear) sums[doc] = 0;
            if (sum > floor) Offer(docBase, doc, sum, filter, best);
        }
    }

    private static void Offer(int docBase, int doc, double sum, SegmentFilter filter, TopDocuments best)
    {
        var global = docBase + doc;
        var score = (float)sum;
        if (best.Admits((global, score)) && filter.Accepts(doc)) best.Offer((global, score));
    }

    /// <summary>
    /// A sum (in double precision) that every document still able to enter the top lies above: 0 until its first selection
    /// (every score is positive), then its floor's score (a later document enters only with a higher score, and a sum whose
    /// single-precision score is higher is itself higher).
    /// </summary>
    private static double SumFloor(TopDocuments best) => best.HasFloor ? best.Floor.Score : 0;

    /// <summary>The order of a retrieval's top: the higher score first, then the lower document (documents are offered in ascending order).</summary>
    internal readonly struct ByScore : IBestFirst<(int Doc, float Score)>
    {
        public static bool Better((int Doc, float Score) x, (int Doc, float Score) than) =>
            x.Score > than.Score || x.Score == than.Score && x.Doc < than.Doc;
    }

    /// <summary>Adds every clause's score to <paramref name="sums"/> for each live document of the segment its term occurs in, last clause first (Lucene's order).</summary>
    private static void Accumulate(AtomicReaderContext segment, WeightedClause[] clauses, SegmentTerms terms, double[] sums)
    {
        var reader = segment.AtomicReader;
        DocsEnum? postings = null;
        for (var c = clauses.Length - 1; c >= 0; c--)
        {
            var clause = clauses[c];
            if (clause.States[segment.Ord] is not { } state) continue;
            var fieldTerms = terms.Of(clause.Field)!;
            fieldTerms.SeekExact(clause.Bytes, state);
            var norms = SegmentNorms.Of(reader, clause.Field);
            var lengthNorm = clause.LengthNorm;
            var weightValue = clause.WeightValue;
            if (DecodedPostings.Of(reader, clause.Field, clause.Term, fieldTerms) is { } decoded)
            {
                // Deleted documents are skipped here, as Lucene's postings skip them given the live documents.
                var liveDocs = reader.LiveDocs;
                var docs = decoded.Docs;
                var freqs = decoded.Freqs;
                for (var i = 0; i < docs.Length; i++)
                {
                    var doc = docs[i];
                    if (liveDocs is null || liveDocs.Get(doc)) sums[doc] += TermScore(weightValue, freqs[i], norms is null ? K1 : lengthNorm[norms[doc]]);
                }
                continue;
            }
            postings = fieldTerms.Docs(reader.LiveDocs, postings, DocsFlags.FREQS);
            for (var doc = postings.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.NextDoc())
                sums[doc] += TermScore(weightValue, postings.Freq, norms is null ? K1 : lengthNorm[norms[doc]]);
        }
    }

    /// <summary>
    /// One term's BM25 score in a document, in single precision and in Lucene's order of operations (weight · freq,
    /// then divided by freq + length norm), so that sums are bit-identical to Lucene's.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float TermScore(float weightValue, float freq, float lengthNorm) => weightValue * freq / (freq + lengthNorm);

    private sealed record WeightedClause(string Field, string Term, BytesRef Bytes, TermState?[] States, float WeightValue, float[] LengthNorm);

    /// <summary>One terms enumerator per field of a segment for the whole search, so looking up a term allocates nothing more.</summary>
    private sealed class SegmentTerms(AtomicReader reader)
    {
        private readonly Dictionary<string, TermsEnum?> _byField = new(StringComparer.Ordinal);

        public TermsEnum? Of(string field)
        {
            if (!_byField.TryGetValue(field, out var terms)) _byField[field] = terms = reader.GetTerms(field)?.GetEnumerator();
            return terms;
        }
    }
}
