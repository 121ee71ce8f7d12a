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

    /// <summary>Entries about one candidate, newest first.</summary>
    IReadOnlyList<AuditEntry> ForCandidate(string candidateId, int limit = 1000);

    /// <summary>Entries of one user, newest first.</summary>
    IReadOnlyList<AuditEntry> ForUser(string user, int limit = 1000);

    /// <summary>Removes entries older than <paramref name="before"/> (retention); returns how many.</summary>
    int Purge(DateTimeOffset before);
}
