using Lucene.Net.Search;

namespace MatchEngine.Engine.Index;

/// <summary>
/// A candidate search whose text scores stay readable: the hits, best first, and the BM25 of any other candidate against
/// the same text, read from the pass that found the hits instead of summing the postings again. Holds the searcher and
/// the pass's score arrays until disposed. Not thread-safe.
/// </summary>
internal sealed class CandidateSearch : IDisposable
{
    private readonly SearcherManager _searchers;
    private readonly IndexSearcher _searcher;
    private readonly DocumentsById _documents;
    private readonly Bm25Disjunction.SegmentSums? _sums;
    private bool _disposed;

    internal CandidateSearch(SearcherManager searchers, IndexSearcher searcher, DocumentsById documents, IReadOnlyList<SearchHit> hits,
        Bm25Disjunction.SegmentSums? sums)
    {
        _searchers = searchers;
        _searcher = searcher;
        _documents = documents;
        _sums = sums;
        Hits = hits;
    }

    /// <summary>The candidates found, best first.</summary>
    public IReadOnlyList<SearchHit> Hits { get; }

    /// <summary>
    /// The BM25 of each of <paramref name="candidateIds"/> against the search's text, as
    /// <see cref="LuceneCatalogIndex.ScoreCandidates"/> gives it (a candidate not in the index is left out).
    /// </summary>
    public IReadOnlyDictionary<string, float> ScoresOf(IReadOnlyCollection<string> candidateIds)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var scores = new Dictionary<string, float>(candidateIds.Count, StringComparer.Ordinal);
        if (_sums is null || candidateIds.Count == 0) return scores;
        foreach (var (segment, doc, id) in _documents.Live(_searcher, candidateIds)) scores[id] = _sums.Of(segment, doc);
        return scores;
    }

    /// <summary>
    /// The BM25 of the candidates at <paramref name="positions"/> of <paramref name="ids"/> against the search's text, as
    /// <see cref="ScoresOf"/> gives it (0 for a candidate not in the index). The ids' documents are looked up once per index
    /// snapshot and list (<see cref="DocumentsById.Positions"/>), so a caller that keeps one list reads each score by position.
    /// </summary>
    public float[] ScoresAt(IReadOnlyList<string> ids, IReadOnlyList<int> positions)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var scores = new float[positions.Count];
        if (_sums is null || positions.Count == 0) return scores;
        var documents = _documents.Positions(_searcher, ids);
        for (var i = 0; i < scores.Length; i++)
            if (documents[positions[i]] is var (segment, doc) && segment >= 0) scores[i] = _sums.Of(segment, doc);
        return scores;
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _sums?.Dispose();
        _searchers.Release(_searcher);
    }
}
