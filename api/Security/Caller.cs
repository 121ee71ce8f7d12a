using System.Security.Claims;
using Grpc.Core;
using MatchEngine.Engine;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;

namespace MatchEngine.Api.Security;

/// <summary>
/// The authenticated caller of a gRPC call: user, role and the regions an accountmanager or consulent is
/// scoped to. Checks what they may see: a candidate outside their regions is NOT_FOUND (so nothing reveals
/// that it exists); a data scientist never sees candidate records.
/// </summary>
public sealed record Caller(string User, string Role, IReadOnlySet<string> Regions)
{
    /// <summary>True for roles that see only their own regions' candidates.</summary>
    public bool IsRegionScoped => Role is Roles.Accountmanager or Roles.Consulent;

    /// <summary>The caller of <paramref name="context"/>.</summary>
    public static Caller Of(ServerCallContext context) => Of(context.GetHttpContext().User);

    /// <summary>The caller behind a principal.</summary>
    public static Caller Of(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue("sub") ?? user.Identity?.Name ?? "unknown",
        user.FindFirstValue(ClaimTypes.Role) ?? user.FindFirstValue("role") ?? "",
        user.FindAll("region").Select(c => c.Value).ToHashSet(StringComparer.Ordinal));

    /// <summary>
    /// The regions a candidate search may cover: the requested one (which must be the caller's), or all the
    /// caller's regions; empty (any region) for unscoped roles without a request.
    /// </summary>
    public IReadOnlyList<string> SearchRegions(string? requested)
    {
        if (!IsRegionScoped) return string.IsNullOrEmpty(requested) ? [] : [requested];
        if (string.IsNullOrEmpty(requested)) return Regions.Order(StringComparer.Ordinal).ToArray();
        return Regions.Contains(requested) ? [requested] : throw new AccessDeniedException($"region {requested} is outside your regions");
    }

    /// <summary>Throws unless the caller may see this candidate's record.</summary>
    public void EnsureMaySee(Candidate candidate)
    {
        if (Role == Roles.DataScientist) throw new AccessDeniedException("a data scientist does not see candidate records");
        if (!candidate.ConsentMatching || IsRegionScoped && !Regions.Contains(candidate.Region))
            throw new RecordNotFoundException(EntityKind.Candidate, candidate.Id);
    }

    /// <summary>Throws unless the caller's role may see candidates at all.</summary>
    public void EnsureMaySeeCandidates()
    {
        if (Role == Roles.DataScientist) throw new AccessDeniedException("a data scientist does not see candidate records");
    }
}

/// <summary>The caller is authenticated but not allowed this; maps to PERMISSION_DENIED.</summary>
public sealed class AccessDeniedException(string message) : Exception(message);
