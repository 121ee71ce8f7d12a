using System.Collections.Concurrent;

namespace MatchEngine.Engine.Sroi;

/// <summary>
/// Explicit claims "placement P counts toward contract C", kept in memory for the life of the process (not
/// persisted: contract v1 has no field for it). Mutable and thread-safe; one instance per host.
/// </summary>
public sealed class SroiClaims
{
    private readonly ConcurrentDictionary<string, string> _contractByPlacement = new(StringComparer.Ordinal);

    /// <summary>The contract a placement was claimed for, or null.</summary>
    public string? ContractOf(string placementId) => _contractByPlacement.TryGetValue(placementId, out var c) ? c : null;

    /// <summary>Records the claim unless the placement is already claimed; returns the contract that holds it afterwards.</summary>
    public string TryAdd(string placementId, string contractId) => _contractByPlacement.GetOrAdd(placementId, contractId);
}
