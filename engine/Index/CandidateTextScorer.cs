using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace MatchEngine.Engine.Index;

/// <summary>
/// One candidate's BM25 against many texts, each score what <see cref="LuceneCatalogIndex.ScoreCandidates"/> gives: a
/// development plan scores one candidate against thousands of vacancies. Each (field, term, boost) is looked up once in
/// the index snapshot, its score in the candidate's document kept; a text's score is then the sum of its clauses' kept
/// scores in Lucene's order. Holds an index snapshot until disposed. Thread-safe.
/// </summary>
internal sealed class CandidateTextScorer : IDisposable
{
    private readonly SearcherManager _searchers;
    private readonly IndexSearcher _searcher;
    private readonly (int Segment, int Doc)? _document;
    private readonly ConcurrentDictionary<Bm25Disjunction.Clause, float> _termScores = new();
    private readonly Lock _lookup = new(); // Lucene's terms enumerators keep state between calls

    internal CandidateTextScorer(SearcherManager searchers, IndexSearcher searcher, (int Segment, int Doc)? document)
    {
        _searchers = searchers;
        _searcher = searcher;
        _document = document;
    }

    /// <summary>The candidate's BM25 for the text's clauses (<see cref="LuceneCatalogIndex.CandidateTextClauses"/>); 0 when the candidate is not indexed.</summary>
    public float Score(IReadOnlyList<Bm25Disjunction.Clause> clauses)
    {
        if (_document is not { } document) return 0;
        var sum = 0.0;
        for (var c = clauses.Count - 1; c >= 0; c--) // Lucene's order of addition, as in Bm25Disjunction
        {
            var clause = clauses[c];
            if (!_termScores.TryGetValue(clause, out var score))
            {
                lock (_lookup) score = Bm25Disjunction.ScoreDocuments(_searcher, [clause], [document])[0];
                _termScores.TryAdd(clause, score);
            }
            sum += score;
        }
        return (float)sum;
    }

    public void Dispose() => _searchers.Release(_searcher);
}
