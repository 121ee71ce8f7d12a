using System.Globalization;
using Grpc.Core;
using MatchEngine.Api.Security;
using MatchEngine.Api.V1;
using MatchEngine.Engine;
using MatchEngine.Engine.Access;
using MatchEngine.Engine.Audit;
using Microsoft.AspNetCore.Authorization;

namespace MatchEngine.Api.Audit;

/// <summary>The Audit gRPC service: the privacy officer's (admin's) view of the audit trail.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class AuditGrpcService(IAuditLog log, AccessPolicy policy) : V1.Audit.AuditBase
{
    public override Task<AuditResponse> Query(AuditQuery request, ServerCallContext context)
    {
        policy.ScopeOf(context).EnsureAllRegions("de audittrail");
        var query = AuditTrailQuery.For(
            request.ByCase == AuditQuery.ByOneofCase.CandidateId ? request.CandidateId : null,
            request.ByCase == AuditQuery.ByOneofCase.User ? request.User : null,
            request.Limit == 0 ? 1000 : request.Limit);
        var entries = query.Run(log);
        var response = new AuditResponse();
        response.Entries.AddRange(entries.Select(e => new AuditRecord
        {
            At = e.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), User = e.User, Role = e.Role, Action = e.Action, Purpose = e.Purpose,
            CandidateId = e.CandidateId ?? "", Subject = e.Subject ?? "",
        }));
        return Task.FromResult(response);
    }
}
