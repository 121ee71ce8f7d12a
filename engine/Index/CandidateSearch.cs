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
    /// The BM25 of each of <paramref name="ids"/> (by position) against the search's text, as
    /// <see cref="LuceneCatalogIndex.ScoreCandidates"/> gives it (0 for a candidate not in the index). The ids' documents are
    /// looked up once per index snapshot and list (<see cref="DocumentsById.Positions"/>), so a caller that keeps one list
    /// reads each score by position.
    /// </summary>
    public float[] ScoresOf(IReadOnlyList<string> ids)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _sums is null || ids.Count == 0 ? new float[ids.Count] : Array.ConvertAll(_documents.Positions(_searcher, ids), ScoreOf);
    }

    /// <summary>The BM25 of the candidates at <paramref name="positions"/> of <paramref name="ids"/>, as <see cref="ScoresOf"/> gives it.</summary>
    public float[] ScoresAt(IReadOnlyList<string> ids, IReadOnlyList<int> positions)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var scores = new float[positions.Count];
        if (_sums is null || positions.Count == 0) return scores;
        var documents = _documents.Positions(_searcher, ids);
        for (var i = 0; i < scores.Length; i++) scores[i] = ScoreOf(documents[positions[i]]);
        return scores;
    }

    private float ScoreOf((int Segment, int Doc) at) => at.Segment < 0 ? 0 : _sums!.Of(at.Segment, at.Doc);

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _sums?.Dispose();
        _searchers.Release(_searcher);
    }
}
