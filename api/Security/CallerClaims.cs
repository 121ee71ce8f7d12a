using System.Security.Claims;
using Grpc.Core;
using MatchEngine.Engine.Access;

namespace MatchEngine.Api.Security;

/// <summary>The <see cref="Caller"/> behind a validated token or api key, and the policy scope of a gRPC call.</summary>
public static class CallerClaims
{
    /// <summary>Claim holding one region; repeated for several.</summary>
    public const string RegionClaim = "region";

    /// <summary>
    /// The caller behind a principal: its name as authentication set it, the known roles it is in exactly as
    /// <c>[Authorize]</c> reads them (a token may carry several), and every region claim.
    /// </summary>
    public static Caller Of(ClaimsPrincipal user) => new(
        user.Identity?.Name ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown",
        Roles.All.Where(user.IsInRole).ToHashSet(StringComparer.Ordinal),
        user.FindAll(RegionClaim).Select(c => c.Value).Where(r => r.Length > 0).ToHashSet(StringComparer.Ordinal));

    /// <summary>The caller of a gRPC call.</summary>
    public static Caller Of(ServerCallContext context) => Of(context.GetHttpContext().User);

    /// <summary>The policy scope of a gRPC call, named in the audit trail by its method.</summary>
    public static CallerScope ScopeOf(this AccessPolicy policy, ServerCallContext context) => policy.For(Of(context), context.Method);
}
