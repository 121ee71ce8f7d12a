using System.Buffers;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace MatchEngine.Engine.Index;

/// <summary>
/// The top documents for a disjunction of weighted terms that pass a search's filters, scored exactly as Lucene's
/// BM25 scores the same BooleanQuery of SHOULD term clauses (coord disabled): same idf, average field length,
/// norm cache and per-term formula in single precision, the per-document sum in double precision in the order
/// Lucene's BooleanScorer adds it (last clause first), and ties broken by the lower document. What differs is the
/// work: each term's postings are read straight into a dense per-segment accumulator, instead of through a
/// scorer, collector and bucket table per posting, and the filters are tested once per matching document before
/// a score enters the top. Retrieval for a shortlist reads about a hundred thousand postings, which made Lucene's
/// bulk scorer the largest single cost of a shortlist call. Thread-safe (state per call).
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

    /// <summary>The best <paramref name="top"/> (global document, score) pairs, best first.</summary>
    public static ScoreDoc[] Top(IndexSearcher searcher, IReadOnlyList<Clause> clauses, KeywordFilter keywords, NumericConstraints constraints, int top)
    {
        var collections = new Dictionary<string, CollectionStatistics>(StringComparer.Ordinal);
        var weighted = clauses.Select(c => Weigh(searcher, c, collections.TryGetValue(c.Field, out var stats) ? stats : collections[c.Field] = searcher.CollectionStatistics(c.Field))).ToArray();
        var best = new TopDocsHeap(top);
        foreach (var segment in searcher.IndexReader.Leaves)
            ScoreSegment(segment, weighted, new SegmentFilter(segment, keywords, constraints), best);
        return best.Sorted();
    }

    private static WeightedClause Weigh(IndexSearcher searcher, Clause clause, CollectionStatistics collection)
    {
        var term = new Term(clause.Field, clause.Term);
        // Looks the term up in every segment once: its document frequency, and where its postings start in each.
        var states = TermContext.Build(searcher.TopReaderContext, term);
        var docFreq = states.DocFreq;
        var idf = (float)Math.Log(1 + (collection.MaxDoc - docFreq + 0.5D) / (docFreq + 0.5D));
        var avgdl = collection.SumTotalTermFreq <= 0 ? 1f : (float)(collection.SumTotalTermFreq / (double)collection.MaxDoc);
        var lengthNorm = new float[256];
        for (var i = 0; i < lengthNorm.Length; i++) lengthNorm[i] = K1 * ((1 - B) + B * NormTable[i] / avgdl);
        var weight = idf * clause.Boost * 1f;
        return new WeightedClause(term, states, weight * (K1 + 1), lengthNorm);
    }

    private static void ScoreSegment(AtomicReaderContext segment, WeightedClause[] clauses, SegmentFilter filter, TopDocsHeap best)
    {
        var reader = segment.AtomicReader;
        var maxDoc = reader.MaxDoc;
        var sums = SumArrays.Rent(maxDoc);
        var clean = false;
        try
        {
            for (var c = clauses.Length - 1; c >= 0; c--)
            {
                var clause = clauses[c];
                if (clause.States.Get(segment.Ord) is not { } state) continue;
                var terms = reader.GetTerms(clause.Term.Field).GetEnumerator();
                terms.SeekExact(clause.Term.Bytes, state);
                var postings = terms.Docs(reader.LiveDocs, null, DocsFlags.FREQS);
                var norms = SegmentNorms.Of(reader, clause.Term.Field);
                var lengthNorm = clause.LengthNorm;
                var weightValue = clause.WeightValue;
                for (var doc = postings.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.NextDoc())
                {
                    float freq = postings.Freq;
                    var norm = norms is null ? K1 : lengthNorm[norms[doc]];
                    sums[doc] += weightValue * freq / (freq + norm);
                }
            }
            // Every score is positive, so a zero sum is a document no term matched. In document order, so the filter
            // columns are read front to back.
            for (var doc = 0; doc < maxDoc; doc++)
            {
                var sum = sums[doc];
                if (sum == 0) continue;
                sums[doc] = 0;
                if (filter.Accepts(doc)) best.Offer(segment.DocBase + doc, (float)sum);
            }
            clean = true;
        }
        finally
        {
            SumArrays.Return(sums, clearArray: !clean);
        }
    }

    private sealed record WeightedClause(Term Term, TermContext States, float WeightValue, float[] LengthNorm);

    /// <summary>The best n (score descending, then document ascending), as a min-heap with the worst kept on top.</summary>
    private sealed class TopDocsHeap(int size)
    {
        private readonly ScoreDoc[] _heap = new ScoreDoc[size];
        private int _count;

        public void Offer(int doc, float score)
        {
            if (_count < _heap.Length)
            {
                _heap[_count] = new ScoreDoc(doc, score);
                Up(_count++);
            }
            else if (Better(doc, score, _heap[0]))
            {
                _heap[0] = new ScoreDoc(doc, score);
                Down(0);
            }
        }

        public ScoreDoc[] Sorted()
        {
            var result = _heap[.._count];
            Array.Sort(result, (x, y) => x.Score != y.Score ? y.Score.CompareTo(x.Score) : x.Doc.CompareTo(y.Doc));
            return result;
        }

        private static bool Better(int doc, float score, ScoreDoc than) => score > than.Score || score == than.Score && doc < than.Doc;

        private void Up(int i)
        {
            while (i > 0)
            {
                var parent = (i - 1) / 2;
                if (!Better(_heap[parent].Doc, _heap[parent].Score, _heap[i])) break;
                (_heap[parent], _heap[i]) = (_heap[i], _heap[parent]);
                i = parent;
            }
        }

        private void Down(int i)
        {
            while (true)
            {
                int left = 2 * i + 1, right = left + 1, worst = i;
                if (left < _count && Better(_heap[worst].Doc, _heap[worst].Score, _heap[left])) worst = left;
                if (right < _count && Better(_heap[worst].Doc, _heap[worst].Score, _heap[right])) worst = right;
                if (worst == i) return;
                (_heap[worst], _heap[i]) = (_heap[i], _heap[worst]);
                i = worst;
            }
        }
    }
}
