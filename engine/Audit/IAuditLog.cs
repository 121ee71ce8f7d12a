namespace MatchEngine.Engine.Audit;

/// <summary>
/// The append-only audit trail of who read which candidate's data. Entries are only ever added; the
/// one way out is <see cref="Purge"/> of entries older than the configured retention. It stores
/// pseudonyms, never names or profile data. Implementations are thread-safe and keep the trail in the
/// same place as the catalog store (the SQLite file, or the shared PostgreSQL database of the replicas).
/// Disposing releases pooled connections.
/// </summary>
public interface IAuditLog : IDisposable
{
    /// <summary>Appends entries in one transaction; completes after the commit.</summary>
    Task RecordAsync(IReadOnlyCollection<AuditEntry> entries);

    /// <summary>
    /// Entries about one candidate, newest first: at most <paramref name="limit"/>, after skipping the newest
    /// <paramref name="offset"/> (which are still read, so a late page costs its offset).
    /// </summary>
    IReadOnlyList<AuditEntry> ForCandidate(string candidateId, int limit = 1000, int offset = 0);

    /// <summary>Entries of one user, newest first: at most <paramref name="limit"/>, after skipping the newest <paramref name="offset"/>.</summary>
    IReadOnlyList<AuditEntry> ForUser(string user, int limit = 1000, int offset = 0);

    /// <summary>How many entries there are about one candidate (all of them, whatever a query's limit).</summary>
    int CountForCandidate(string candidateId);

    /// <summary>How many entries one user has (all of them, whatever a query's limit).</summary>
    int CountForUser(string user);

    /// <summary>Removes entries older than <paramref name="before"/> (retention); returns how many.</summary>
    int Purge(DateTimeOffset before);
}
