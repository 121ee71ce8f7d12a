using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Index;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Ranking;

namespace MatchEngine.Engine.Advice;

/// <summary>
/// The promoted ranker's scores of a vacancy's whole pool in one region, as a shortlist retrieves it (no wall but consent
/// and the region): enough to place one candidate, with a changed record, among all the others. <see cref="Trimmed"/>
/// keeps only the best <see cref="Kept"/>, which still tells whether a candidate reaches the top 10. Immutable.
/// </summary>
public sealed class PoolScores
{
    /// <summary>Scores a trimmed pool keeps: one more than a top 10, so the 10th best other is known even when the candidate is among them.</summary>
    public const int Kept = 11;

    private readonly float[] _descending;
    private readonly IReadOnlyDictionary<string, float> _byId;

    private PoolScores(float[] descending, IReadOnlyDictionary<string, float> byId, int size, bool complete)
    {
        _descending = descending;
        _byId = byId;
        Size = size;
        Complete = complete;
    }

    /// <summary>Candidates in the pool.</summary>
    public int Size { get; }

    /// <summary>False for a <see cref="Trimmed"/> pool, which places candidates only within its top 10.</summary>
    public bool Complete { get; }

    /// <summary>
    /// Scores the pool of <paramref name="vacancy"/> in <paramref name="region"/> with <paramref name="model"/>; the BM25 of each
    /// retrieved candidate is passed to <paramref name="bm25"/>.
    /// </summary>
    public static PoolScores Of(CatalogService catalog, CandidatePool pool, TrainedRanker model, PreparedVacancy vacancy, string region,
        Action<string, float>? bm25 = null) =>
        Of(catalog, pool, model, vacancy, region, bm25, whileSearching: null);

    /// <summary>
    /// <see cref="Of(CatalogService, CandidatePool, TrainedRanker, PreparedVacancy, string, Action{string, float}?)"/>, handing
    /// retrieval's text search to <paramref name="whileSearching"/> (<see cref="CandidateRetrieval"/>).
    /// </summary>
    internal static PoolScores Of(CatalogService catalog, CandidatePool pool, TrainedRanker model, PreparedVacancy vacancy, string region,
        Action<string, float>? bm25, Action<CandidateSearch>? whileSearching)
    {
        ArgumentNullException.ThrowIfNull(model);
        var retrieved = CandidateRetrieval.For(catalog, pool, vacancy, new ShortlistFilters([region]), whileSearching);
        var scores = model.Score([.. retrieved.Select(r => PairFeatures.Featurize(vacancy, r.Candidate, r.Bm25))]);
        var byId = new Dictionary<string, float>(retrieved.Count, StringComparer.Ordinal);
        for (var i = 0; i < retrieved.Count; i++)
        {
            byId[retrieved[i].Candidate.Candidate.Id] = scores[i];
            bm25?.Invoke(retrieved[i].Candidate.Candidate.Id, retrieved[i].Bm25);
        }
        Array.Sort(scores, (a, b) => b.CompareTo(a));
        return new PoolScores(scores, byId, retrieved.Count, true);
    }

    /// <summary>The same pool keeping only its best <see cref="Kept"/> scores.</summary>
    public PoolScores Trimmed()
    {
        if (!Complete || _descending.Length <= Kept) return this;
        var top = _byId.OrderByDescending(x => x.Value).ThenBy(x => x.Key, StringComparer.Ordinal).Take(Kept).ToDictionary(StringComparer.Ordinal);
        return new PoolScores(_descending[..Kept], top, Size, false);
    }

    /// <summary>
    /// The place (1 = best) a candidate would take with <paramref name="score"/> among the others of the pool (their own
    /// pooled score left out); null when a trimmed pool cannot tell because the place is below its top 10.
    /// </summary>
    public int? PlaceOf(string candidateId, float score)
    {
        var above = Above(score);
        if (_byId.TryGetValue(candidateId, out var own) && own > score) above--;
        return !Complete && above >= Kept - 1 ? null : above + 1;
    }

    /// <summary>How many pooled scores are strictly above <paramref name="score"/>: a binary search of the descending scores.</summary>
    private int Above(float score)
    {
        int low = 0, high = _descending.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (_descending[mid] > score) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    /// <summary>
    /// The lowest score that puts a candidate in the top <paramref name="top"/> (at most 10) among the others of the pool
    /// (their own pooled score left out): a score reaches it when it is at least this. Negative infinity when the pool has
    /// fewer others than that. A null <paramref name="candidateId"/> stands for a candidate outside the pool.
    /// </summary>
    public float Bar(string? candidateId, int top = 10)
    {
        if (top is < 1 or > 10) throw new ArgumentOutOfRangeException(nameof(top));
        // The others, best first, are the pooled scores with one copy of the candidate's own left out: the top-th of them
        // moves one place down when the candidate's own score is at or above it.
        var at = top - 1;
        if (candidateId is not null && _byId.TryGetValue(candidateId, out var own) && at < _descending.Length && own >= _descending[at]) at++;
        return at < _descending.Length ? _descending[at] : float.NegativeInfinity;
    }

    /// <summary>True when a candidate with <paramref name="score"/> would be in the top <paramref name="top"/> (at most 10).</summary>
    public bool InTop(string candidateId, float score, int top = 10) => score >= Bar(candidateId, top);
}
