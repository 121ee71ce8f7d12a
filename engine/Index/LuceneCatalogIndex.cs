using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;
using S = MatchEngine.Engine.Index.IndexSchema;

namespace MatchEngine.Engine.Index;

/// <summary>
/// The Lucene index of candidates and vacancies, derived from the store: one long-lived
/// <see cref="IndexWriter"/>, a <see cref="SearcherManager"/> refreshed after every commit, BM25 scoring.
/// Each commit records the store revision it reflects (<see cref="Revision"/>), so
/// <see cref="IndexSynchronizer"/> can catch up after a crash. Searches are thread-safe and run
/// concurrently; writes are serialised.
/// </summary>
public sealed class LuceneCatalogIndex : IDisposable
{
    private readonly FSDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly DutchTextAnalyzer _analyzer = new();
    private readonly KeywordFilterCache _keywordFilters = new();
    private readonly DocumentsById _candidateDocuments = new(CandidateTypeFilter());
    private readonly System.Threading.Lock _writeLock = new();

    /// <summary>Opens the index at <paramref name="path"/>, creating it when missing and recreating it when unreadable or of another schema.</summary>
    public LuceneCatalogIndex(string path)
    {
        System.IO.Directory.CreateDirectory(path);
        _directory = FSDirectory.Open(path);
        try
        {
            _writer = NewWriter(OpenMode.CREATE_OR_APPEND);
            if (HasOtherSchema(_writer))
            {
                // Written by an older version whose documents lack fields the searches need: rebuilt from the store.
                _writer.Dispose();
                _writer = Recreate();
            }
        }
        catch (Exception e) when (e is IOException or CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException)
        {
            // The index is derived data: an unreadable one is recreated and rebuilt from the store.
            _writer = Recreate();
        }
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new Bm25SearcherFactory());
    }

    /// <summary>True when the index could not be read on open, or was written with another <see cref="IndexSchema.SchemaVersion"/>, and was recreated empty.</summary>
    public bool WasRecreated { get; private set; }

    /// <summary>The store revision of the last commit; 0 for a new index.</summary>
    public long Revision
    {
        get
        {
            var data = _writer.CommitData;
            return data is not null && data.TryGetValue(S.RevisionKey, out var r) ? long.Parse(r, System.Globalization.CultureInfo.InvariantCulture) : 0;
        }
    }

    /// <summary>Number of searchable documents of a type (candidate or vacancy).</summary>
    public int Count(string type)
    {
        var searcher = _searchers.Acquire();
        try { return searcher.Search(new TermQuery(new Term(S.Type, type)), 1).TotalHits; }
        finally { _searchers.Release(searcher); }
    }

    /// <summary>Upserts and deletes, then commits with <paramref name="storeRevision"/>.</summary>
    public void Apply(IReadOnlyList<Candidate> candidates, IReadOnlyList<Vacancy> vacancies, IReadOnlyList<(EntityKind Kind, string Id)> deletions, long storeRevision)
    {
        lock (_writeLock)
        {
            foreach (var c in candidates) _writer.UpdateDocument(new Term(S.Key, S.KeyOf(S.CandidateType, c.Id)), DocumentMapper.Of(c));
            foreach (var v in vacancies) _writer.UpdateDocument(new Term(S.Key, S.KeyOf(S.VacancyType, v.Id)), DocumentMapper.Of(v));
            foreach (var (kind, id) in deletions)
                _writer.DeleteDocuments(new Term(S.Key, S.KeyOf(kind == EntityKind.Candidate ? S.CandidateType : S.VacancyType, id)));
            Commit(storeRevision);
        }
    }

    /// <summary>Replaces the whole index with <paramref name="candidates"/> and <paramref name="vacancies"/> and commits.</summary>
    public void Rebuild(IEnumerable<Candidate> candidates, IEnumerable<Vacancy> vacancies, long storeRevision)
    {
        lock (_writeLock)
        {
            _writer.DeleteAll();
            // IndexWriter is thread-safe; analysis dominates a rebuild, so documents are added on every core.
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
            Parallel.ForEach(candidates, parallel, c => _writer.AddDocument(DocumentMapper.Of(c)));
            Parallel.ForEach(vacancies, parallel, v => _writer.AddDocument(DocumentMapper.Of(v)));
            Commit(storeRevision);
        }
    }

    /// <summary>Candidates matching <paramref name="query"/>, best first. Never returns a candidate without consent.</summary>
    public IReadOnlyList<SearchHit> Search(CandidateQuery query)
    {
        var (text, keywords, numeric) = Plan(query);
        return Run(text, keywords, numeric, query.Top);
    }

    /// <summary>
    /// <see cref="Search(CandidateQuery)"/>, keeping the pass's text scores so that the BM25 of candidates it did not return
    /// can be read from it (<see cref="CandidateSearch.ScoresOf"/>); dispose the result.
    /// </summary>
    internal CandidateSearch SearchKeepingScores(CandidateQuery query)
    {
        var (text, keywords, numeric) = Plan(query);
        if (text.Count == 0)
        {
            // No text: every hit scores 0, and so does every other candidate (ScoresOf gives 0 for each).
            var unscored = Run(text, keywords, numeric, query.Top);
            return new CandidateSearch(_searchers, _searchers.Acquire(), _candidateDocuments, unscored, null);
        }
        var searcher = _searchers.Acquire();
        var sums = new Bm25Disjunction.SegmentSums(searcher.IndexReader.Leaves.Count);
        try
        {
            var hits = Hits(searcher, Bm25Disjunction.Top(searcher, text, keywords, numeric, Math.Max(1, query.Top), sums));
            return new CandidateSearch(_searchers, searcher, _candidateDocuments, hits, sums);
        }
        catch
        {
            sums.Dispose();
            _searchers.Release(searcher);
            throw;
        }
    }

    /// <summary>The parts of a candidate search: its text clauses, keyword filter (consent always) and numeric constraints.</summary>
    internal (IReadOnlyList<Bm25Disjunction.Clause> Text, KeywordFilter Keywords, NumericConstraints Numeric) Plan(CandidateQuery query)
    {
        var keywords = new BooleanQuery();
        QueryBuilder.Keyword(keywords, S.Type, S.CandidateType);
        QueryBuilder.Keyword(keywords, S.Consent, "1");
        QueryBuilder.AnyOf(keywords, S.Region, query.Regions.Select(KeywordTerm.Of));
        QueryBuilder.AnyOf(keywords, S.Shift, query.Shifts.Select(Vocabulary.Name));
        var numeric = new NumericConstraints().HoursOverlap(query.HoursMin, query.HoursMax);
        if (query.AvailableBy is { } by) numeric.DayAtMost(S.AvailableFromDv, by);
        if (query.Near is { } near) numeric.Within(near, query.RadiusKm);
        if (query.WithinOwnReachOf is { } work) numeric.Within(work, null);
        if (query.LeftOut is { } leftOut) numeric.LeaveOut(leftOut);
        var text = CandidateTextClauses(query.Text);
        return (text, _keywordFilters.For(keywords), numeric);
    }

    /// <summary>Vacancies matching <paramref name="query"/>, best first.</summary>
    public IReadOnlyList<SearchHit> Search(VacancyQuery query)
    {
        var keywords = new BooleanQuery();
        QueryBuilder.Keyword(keywords, S.Type, S.VacancyType);
        if (!string.IsNullOrEmpty(query.Sector)) QueryBuilder.Keyword(keywords, S.Sector, KeywordTerm.Of(Labels.Key(query.Sector)));
        if (!string.IsNullOrEmpty(query.EmployerId)) QueryBuilder.Keyword(keywords, S.EmployerId, query.EmployerId);
        QueryBuilder.AnyOf(keywords, S.Shift, query.Shifts.Select(Vocabulary.Name));
        var numeric = new NumericConstraints().HoursOverlap(query.HoursMin, query.HoursMax);
        if (query.OpenOn is { } day) numeric.DayAtMost(S.PostedAtDv, day).DayAtLeast(S.ClosesAtDv, day);
        if (query.Near is { } near) numeric.Within(near, query.RadiusKm);
        var text = QueryBuilder.Clauses(_analyzer, query.Text, (S.VacancyTitle, 2f), (S.VacancyText, 1f), (S.VacancySkills, 1.5f));
        return Run(text, _keywordFilters.For(keywords), numeric, query.Top);
    }

    /// <summary>BM25 scores of the given candidates for a text, for featurizing pairs that retrieval did not produce (training history).</summary>
    public IReadOnlyDictionary<string, float> ScoreCandidates(string text, IReadOnlyCollection<string> candidateIds)
    {
        var scores = new Dictionary<string, float>(StringComparer.Ordinal);
        var textQuery = CandidateTextClauses(text);
        if (candidateIds.Count == 0 || textQuery.Count == 0) return scores;
        var searcher = _searchers.Acquire();
        try
        {
            var found = _candidateDocuments.Live(searcher, candidateIds);
            var scored = Bm25Disjunction.ScoreDocuments(searcher, textQuery, [.. found.Select(f => (f.Segment, f.Doc))]);
            for (var i = 0; i < scored.Length; i++) scores[found[i].Id] = scored[i];
            return scores;
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>Every candidate document (with or without consent), for <see cref="DocumentsById"/>.</summary>
    private static KeywordFilter CandidateTypeFilter()
    {
        var type = new BooleanQuery();
        QueryBuilder.Keyword(type, S.Type, S.CandidateType);
        return new KeywordFilter(type);
    }

    /// <summary>True when <paramref name="text"/> holds a word a search can look for (not only punctuation, stop words or over-long tokens).</summary>
    public bool HasSearchWords(string text) => QueryBuilder.Terms(_analyzer, S.CandidateText, text).Count > 0;

    /// <summary>The BM25 clauses of a vacancy's text against candidates, as <see cref="Search(CandidateQuery)"/> and <see cref="ScoreCandidates"/> build them.</summary>
    internal IReadOnlyList<Bm25Disjunction.Clause> CandidateTextClauses(string text) =>
        QueryBuilder.Clauses(_analyzer, text, (S.CandidateText, 1f), (S.CandidateSkills, 1.5f));

    /// <summary>A scorer of one candidate's BM25 against many texts (<see cref="CandidateTextScorer"/>), on the index as it is now; dispose it.</summary>
    internal CandidateTextScorer ScorerOf(string candidateId)
    {
        var searcher = _searchers.Acquire();
        try
        {
            (int, int)? document = _candidateDocuments.Live(searcher, [candidateId]) is [.., var last] ? (last.Segment, last.Doc) : null;
            return new CandidateTextScorer(_searchers, searcher, document);
        }
        catch
        {
            _searchers.Release(searcher);
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }

    /// <summary>The top documents for the <paramref name="text"/> clauses (all, scored 0, when there are none) that pass the filters.</summary>
    private IReadOnlyList<SearchHit> Run(IReadOnlyList<Bm25Disjunction.Clause> text, KeywordFilter keywords, NumericConstraints constraints, int top)
    {
        top = Math.Max(1, top);
        var searcher = _searchers.Acquire();
        try
        {
            if (text.Count > 0) return Hits(searcher, Bm25Disjunction.Top(searcher, text, keywords, constraints, top));
            var topDocs = TopScoreDocCollector.Create(top, docsScoredInOrder: false);
            searcher.Search(new MatchAllDocsQuery { Boost = 0 }, new ConstraintCollector(topDocs, keywords, constraints));
            return Hits(searcher, topDocs.GetTopDocs().ScoreDocs);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>Ids from doc values (<see cref="SegmentIds"/>), which is much cheaper than loading stored fields for a thousand hits.</summary>
    private static SearchHit[] Hits(IndexSearcher searcher, ScoreDoc[] hits)
    {
        var leaves = searcher.IndexReader.Leaves;
        var idColumns = new SegmentIds?[leaves.Count];
        var result = new SearchHit[hits.Length];
        for (var i = 0; i < hits.Length; i++)
        {
            var segment = ReaderUtil.SubIndex(hits[i].Doc, leaves);
            var reader = leaves[segment].AtomicReader;
            var ids = idColumns[segment] ??= SegmentIds.Of(reader);
            var doc = hits[i].Doc - leaves[segment].DocBase;
            result[i] = new SearchHit(ids.Get(doc), float.IsNaN(hits[i].Score) ? 0 : hits[i].Score)
            {
                Document = new SegmentDocument(reader.CoreCacheKey, reader.MaxDoc, doc),
            };
        }
        return result;
    }

    private void Commit(long storeRevision)
    {
        _writer.SetCommitData(CommitData(storeRevision));
        _writer.Commit();
        _searchers.MaybeRefreshBlocking();
    }

    /// <summary>An empty index committed at revision 0, so the synchronizer rebuilds it from the store.</summary>
    private IndexWriter Recreate()
    {
        var writer = NewWriter(OpenMode.CREATE);
        writer.SetCommitData(CommitData(0));
        writer.Commit();
        WasRecreated = true;
        return writer;
    }

    private static Dictionary<string, string> CommitData(long storeRevision) => new()
    {
        [S.RevisionKey] = storeRevision.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [S.SchemaKey] = S.SchemaVersion,
    };

    private static bool HasOtherSchema(IndexWriter writer) =>
        writer.CommitData is { Count: > 0 } data && (!data.TryGetValue(S.SchemaKey, out var version) || version != S.SchemaVersion);

    private IndexWriter NewWriter(OpenMode mode) => new(_directory, new IndexWriterConfig(S.Version, _analyzer)
    {
        OpenMode = mode,
        RAMBufferSizeMB = 128,
        Similarity = new BM25Similarity(),
    });

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }
}
