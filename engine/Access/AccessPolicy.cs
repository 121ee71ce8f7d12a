using MatchEngine.Engine.Audit;
using MatchEngine.Engine.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MatchEngine.Engine.Access;

/// <summary>
/// The one policy layer every read of a candidate or placement goes through, for gRPC, the CLI and the console
/// alike: <see cref="For"/> gives the <see cref="CallerScope"/> of one call (roles, regions, consent,
/// minimisation, audit). Thread-safe; one per process.
/// </summary>
public sealed partial class AccessPolicy(ICatalogStore store, IAuditLog audit, TimeProvider time, ILogger<AccessPolicy>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<AccessPolicy>.Instance;
    private readonly HashSet<string> _warnedBlind = new(StringComparer.Ordinal);
    private readonly Lock _warnLock = new();

    internal ICatalogStore Store => store;

    /// <summary>The regions some candidate lives in, which a request may narrow to (<see cref="CallerScope.Regions"/>).</summary>
    internal CandidateRegions KnownRegions { get; } = new(store);

    internal IAuditLog Audit => audit;

    internal TimeProvider Time => time;

    /// <summary>The scope of one call by <paramref name="caller"/>; <paramref name="action"/> names the call in the audit trail (e.g. the gRPC method).</summary>
    public CallerScope For(Caller caller, string action)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.IsRegionScoped && caller.Regions.Count == 0) WarnBlindOnce(caller);
        return new CallerScope(this, caller, action);
    }

    private void WarnBlindOnce(Caller caller)
    {
        lock (_warnLock)
            if (!_warnedBlind.Add(caller.User)) return;
        LogBlind(_logger, caller.User, caller.RoleName);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "User {User} has role {Role}, which sees only its own regions' candidates, but the credentials name no region: " +
                  "the user sees no candidate until the identity provider adds a 'region' claim")]
    private static partial void LogBlind(ILogger logger, string user, string role);
}
