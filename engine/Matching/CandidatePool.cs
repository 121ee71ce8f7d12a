using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Index;
using MatchEngine.Engine.Store;

namespace MatchEngine.Engine.Matching;

/// <summary>
/// Every candidate with consent, prepared for featurization and held in memory, so a shortlist of a
/// thousand retrieved candidates needs no store reads. Follows the store by revision: a lookup first
/// applies the changes committed since it last looked. The first lookup loads every consenting candidate,
/// parsed on every core (<see cref="ConsentingCandidatesLoad"/>). Thread-safe.
/// </summary>
public sealed class CandidatePool
{
    private readonly ICatalogStore _store;
    private readonly Lock _syncLock = new();
    private CandidatesByDocument _current = new(new Dictionary<string, PreparedCandidate>(StringComparer.Ordinal));
    private long _revision = -1;

    public CandidatePool(ICatalogStore store) => _store = store;

    /// <summary>The prepared candidate, or null when unknown or without consent.</summary>
    public PreparedCandidate? Get(string id)
    {
        Sync();
        return _current.ById.GetValueOrDefault(id);
    }

    /// <summary>
    /// The pool as of one revision check, for callers that look up many candidates at once (a shortlist's
    /// thousand hits): on a server store every <see cref="Get"/> asks the database for its revision.
    /// A snapshot is never changed afterwards.
    /// </summary>
    public IReadOnlyDictionary<string, PreparedCandidate> Snapshot()
    {
        Sync();
        return _current.ById;
    }

    /// <summary>
    /// The prepared candidate of each search hit (by position), or null for a hit without one (unknown, or without
    /// consent), as of one revision check: what <see cref="Snapshot"/> would give for each hit's id, remembered per
    /// index document (<see cref="CandidatesByDocument"/>).
    /// </summary>
    public PreparedCandidate?[] Resolve(IReadOnlyList<SearchHit> hits)
    {
        Sync();
        return _current.Resolve(hits);
    }

    /// <summary>Number of consenting candidates.</summary>
    public int Count
    {
        get
        {
            Sync();
            return _current.ById.Count;
        }
    }

    /// <summary>All consenting candidates (a snapshot).</summary>
    public IReadOnlyCollection<PreparedCandidate> All
    {
        get
        {
            Sync();
            return _current.ById.Values;
        }
    }

    /// <summary>
    /// The current generation, as of one revision check: its candidates, their index documents and the pool listed by region,
    /// occupation, skill and sector (<see cref="CandidateLists"/>).
    /// </summary>
    internal CandidatesByDocument Generation()
    {
        Sync();
        return _current;
    }

    private void Sync()
    {
        if (Volatile.Read(ref _revision) == _store.Revision) return;
        lock (_syncLock)
        {
            var target = _store.Revision;
            if (_revision == target) return;
            if (_revision < 0)
            {
                _current = new CandidatesByDocument(ConsentingCandidatesLoad.Load(_store, Environment.ProcessorCount));
            }
            else
            {
                // A change to other records (vacancies, match events) keeps the generation and what it has built.
                var changes = _store.ChangesSince(_revision).Where(c => c.Kind == EntityKind.Candidate).ToList();
                if (changes.Count > 0)
                {
                    var next = new Dictionary<string, PreparedCandidate>(_current.ById, StringComparer.Ordinal);
                    foreach (var change in changes)
                    {
                        next.Remove(change.Id);
                        if (!change.Deleted && _store.GetCandidate(change.Id) is { ConsentMatching: true } c) next[c.Id] = new PreparedCandidate(c);
                    }
                    _current = new CandidatesByDocument(next);
                }
            }
            Volatile.Write(ref _revision, target);
        }
    }
}
