namespace MatchEngine.Engine.Sroi;

/// <summary>
/// Explicit claims "placement P counts toward contract C" made by SROI-makelaars, kept beside the catalog (the SQLite
/// file, or the shared PostgreSQL database of the replicas), so a claim survives a restart and every replica and
/// CLI run sees it. A claim is never changed or withdrawn: the first claim of a placement holds. Thread-safe.
/// </summary>
public interface ISroiClaims : IDisposable
{
    /// <summary>Every claim as of now: the claimed contract by placement.</summary>
    IReadOnlyDictionary<string, string> All();

    /// <summary>
    /// Records the claim unless the placement is already claimed, atomically across processes; returns the contract
    /// that holds the placement afterwards (<paramref name="contractId"/>, or the earlier claim's).
    /// </summary>
    string TryAdd(string placementId, string contractId);
}
