using Grpc.Core;
using MatchEngine.Engine.Audit;

namespace MatchEngine.Api.Security;

/// <summary>Writes audit entries for the caller of a gRPC call: one per candidate whose data it returned.</summary>
public sealed class AuditTrail(IAuditLog log, TimeProvider time)
{
    /// <summary>Records that <paramref name="context"/>'s caller read these candidates' data for <paramref name="purpose"/>.</summary>
    public Task ReadAsync(ServerCallContext context, string purpose, IEnumerable<string> candidateIds, string? subject = null)
    {
        var caller = Caller.Of(context);
        var action = context.Method;
        var at = time.GetUtcNow();
        var entries = candidateIds.Distinct().Select(id => new AuditEntry(at, caller.User, caller.Role, action, purpose, id, subject)).ToList();
        if (entries.Count == 0) entries.Add(new AuditEntry(at, caller.User, caller.Role, action, purpose, null, subject));
        return log.RecordAsync(entries);
    }
}
