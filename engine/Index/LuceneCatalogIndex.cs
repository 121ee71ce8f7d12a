using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
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
    /// <summary>Largest travel distance the "within own reach" bounding box allows for, km.</summary>
    public const double MaxReachKm = 150;

    private readonly FSDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly DutchTextAnalyzer _analyzer = new();
    private readonly System.Threading.Lock _writeLock = new();

    /// <summary>Opens the index at <paramref name="path"/>, creating it when missing and recreating it when unreadable.</summary>
    public LuceneCatalogIndex(string path)
    {
        System.IO.Directory.CreateDirectory(path);
        _directory = FSDirectory.Open(path);
        try
        {
            _writer = NewWriter(OpenMode.CREATE_OR_APPEND);
        }
        catch (Exception e) when (e is IOException or CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException)
        {
            // The index is derived data: an unreadable one is recreated and rebuilt from the store.
            _writer = NewWriter(OpenMode.CREATE);
            WasRecreated = true;
        }
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new Bm25SearcherFactory());
    }

    /// <summary>True when the index could not be read on open and was recreated empty.</summary>
    public bool WasRecreated { get; }

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
        var filter = new BooleanQuery();
        QueryBuilder.Keyword(filter, S.Type, S.CandidateType);
        QueryBuilder.Keyword(filter, S.Consent, "1");
        QueryBuilder.AnyOf(filter, S.Region, query.Regions);
        if (query.AvailableBy is { } by) QueryBuilder.DayAtMost(filter, S.AvailableFrom, by);
        QueryBuilder.HoursOverlap(filter, query.HoursMin, query.HoursMax);
        QueryBuilder.AnyOf(filter, S.Shift, query.Shifts.Select(Vocabulary.Name));
        if (query.Near is { } near) QueryBuilder.BoundingBox(filter, near, query.RadiusKm);
        if (query.WithinOwnReachOf is { } work) QueryBuilder.BoundingBox(filter, work, MaxReachKm);
        var text = QueryBuilder.Text(_analyzer, query.Text, (S.Text, 1f), (S.Skills, 1.5f));
        var checks = new List<(GeoPoint, double?)>();
        if (query.Near is { } n) checks.Add((n, query.RadiusKm));
        if (query.WithinOwnReachOf is { } w) checks.Add((w, null));
        return Run(QueryBuilder.Combine(text, filter), query.Top, checks);
    }

    /// <summary>Vacancies matching <paramref name="query"/>, best first.</summary>
    public IReadOnlyList<SearchHit> Search(VacancyQuery query)
    {
        var filter = new BooleanQuery();
        QueryBuilder.Keyword(filter, S.Type, S.VacancyType);
        if (!string.IsNullOrEmpty(query.Sector)) QueryBuilder.Keyword(filter, S.Sector, Labels.Key(query.Sector));
        if (!string.IsNullOrEmpty(query.EmployerId)) QueryBuilder.Keyword(filter, S.EmployerId, query.EmployerId);
        if (query.OpenOn is { } day)
        {
            QueryBuilder.DayAtMost(filter, S.PostedAt, day);
            QueryBuilder.DayAtLeast(filter, S.ClosesAt, day);
        }
        QueryBuilder.HoursOverlap(filter, query.HoursMin, query.HoursMax);
        QueryBuilder.AnyOf(filter, S.Shift, query.Shifts.Select(Vocabulary.Name));
        if (query.Near is { } near) QueryBuilder.BoundingBox(filter, near, query.RadiusKm);
        var text = QueryBuilder.Text(_analyzer, query.Text, (S.Title, 2f), (S.Text, 1f), (S.Skills, 1.5f));
        return Run(QueryBuilder.Combine(text, filter), query.Top, query.Near is { } p ? [(p, query.RadiusKm)] : []);
    }

    /// <summary>BM25 scores of the given candidates for a text, for featurizing pairs that retrieval did not produce (training history).</summary>
    public IReadOnlyDictionary<string, float> ScoreCandidates(string text, IReadOnlyCollection<string> candidateIds)
    {
        if (candidateIds.Count == 0) return new Dictionary<string, float>();
        var filter = new BooleanQuery();
        QueryBuilder.Keyword(filter, S.Type, S.CandidateType);
        var ids = new BooleanQuery();
        foreach (var id in candidateIds) ids.Add(new TermQuery(new Term(S.Id, id)), Occur.SHOULD);
        filter.Add(ids, Occur.MUST);
        var textQuery = QueryBuilder.Text(_analyzer, text, (S.Text, 1f), (S.Skills, 1.5f));
        return Run(QueryBuilder.Combine(textQuery, filter), candidateIds.Count, []).ToDictionary(h => h.Id, h => h.Score);

    }

    /// <inheritdoc />
    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }

    private IReadOnlyList<SearchHit> Run(Query query, int top, IReadOnlyList<(GeoPoint Center, double? RadiusKm)> distanceChecks)
    {
        top = Math.Max(1, top);
        var searcher = _searchers.Acquire();
        try
        {
            var topDocs = TopScoreDocCollector.Create(top, docsScoredInOrder: true);
            ICollector collector = topDocs;
            foreach (var (center, radius) in distanceChecks) collector = new DistanceCheckingCollector(collector, center, radius);
            searcher.Search(query, collector);
            var hits = topDocs.GetTopDocs().ScoreDocs;
            var result = new SearchHit[hits.Length];
            for (var i = 0; i < hits.Length; i++)
                result[i] = new SearchHit(searcher.Doc(hits[i].Doc).Get(S.Id), float.IsNaN(hits[i].Score) ? 0 : hits[i].Score);
            return result;
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    private void Commit(long storeRevision)
    {
        _writer.SetCommitData(new Dictionary<string, string> { [S.RevisionKey] = storeRevision.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        _writer.Commit();
        _searchers.MaybeRefreshBlocking();
    }

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
