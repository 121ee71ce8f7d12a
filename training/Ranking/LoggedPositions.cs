using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Store;

namespace MatchEngine.Training.Ranking;

/// <summary>
/// The shortlist position each (vacancy, candidate) pair had when an accountmanager acted on it, from the
/// match events that carry one (the feedback loop; imported history may not). The smallest logged position
/// of a pair counts. Immutable.
/// </summary>
public sealed class LoggedPositions
{
    private readonly Dictionary<(string Vacancy, string Candidate), int> _positions;

    private LoggedPositions(Dictionary<(string, string), int> positions) => _positions = positions;

    /// <summary>Number of pairs with a logged position.</summary>
    public int Count => _positions.Count;

    /// <summary>The pairs' positions from the events known by <paramref name="asOf"/> (null: all).</summary>
    public static LoggedPositions From(ICatalogStore store, DateOnly? asOf)
    {
        ArgumentNullException.ThrowIfNull(store);
        return Of(store.MatchEvents(), asOf);
    }

    /// <summary>The pairs' positions from <paramref name="events"/> known by <paramref name="asOf"/> (null: all).</summary>
    public static LoggedPositions Of(IEnumerable<MatchEvent> events, DateOnly? asOf)
    {
        ArgumentNullException.ThrowIfNull(events);
        var cutoff = asOf is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero) : DateTimeOffset.MaxValue;
        var positions = new Dictionary<(string, string), int>();
        foreach (var e in events)
        {
            if (e.At > cutoff || e.Position is not { } p) continue;
            var key = (e.VacancyId, e.CandidateId);
            positions[key] = positions.TryGetValue(key, out var seen) ? Math.Min(seen, p) : p;
        }
        return new LoggedPositions(positions);
    }

    /// <summary>The logged position of a pair, or null.</summary>
    public int? Of(string vacancyId, string candidateId) => _positions.TryGetValue((vacancyId, candidateId), out var p) ? p : null;
}
