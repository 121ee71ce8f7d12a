using MatchEngine.Engine.Audit;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Access;

/// <summary>
/// One call by one caller, as the policy layer sees it: which candidates and placements the caller may see
/// (role, region, consent), what of them is shown (never the protected attributes), and the audit entries the
/// call writes. Every candidate- or placement-reading path asks its scope; nothing else decides visibility.
/// </summary>
/// <remarks>
/// A record the caller may not see is NOT_FOUND, exactly like a record that does not exist, so nothing reveals
/// that it exists. A role that may see no candidate at all (the data scientist) gets PERMISSION_DENIED.
/// </remarks>
public sealed class CallerScope
{
    private readonly AccessPolicy _policy;
    private readonly RegionScope _regions;

    internal CallerScope(AccessPolicy policy, Caller caller, string action)
    {
        _policy = policy;
        Caller = caller;
        Action = action;
        _regions = caller.CandidateRegions;
    }

    /// <summary>Who is asking.</summary>
    public Caller Caller { get; }

    /// <summary>The call, as the audit trail names it.</summary>
    public string Action { get; }

    /// <summary>
    /// The regions this call may cover: the caller's, narrowed to <paramref name="requested"/> when given. PERMISSION_DENIED for a region
    /// outside the caller's; INVALID_ARGUMENT (field <c>region</c>) for one no candidate lives in, naming the caller's regions that
    /// some candidate does live in.
    /// </summary>
    public RegionScope Regions(string? requested = null)
    {
        EnsureSeesCandidates();
        var narrowed = _regions.Narrow(requested);
        if (string.IsNullOrEmpty(requested)) return narrowed;
        var known = _policy.KnownRegions.Now();
        if (known.Contains(requested)) return narrowed;
        var seen = known.Where(_regions.Includes).Order(StringComparer.Ordinal).ToArray();
        throw new InvalidRequestException("region", seen.Length == 0
            ? $"{ClientValue.Quote(requested)} is onbekend: er zijn geen kandidaten"
            : $"{ClientValue.Quote(requested)} is onbekend: geen kandidaat woont er; er zijn kandidaten in {Dutch.List(seen, "en")}");
    }

    /// <summary>Throws PERMISSION_DENIED unless one of the caller's roles may see candidate records.</summary>
    public void EnsureSeesCandidates()
    {
        if (!Caller.SeesCandidates) throw new AccessDeniedException($"uw rol {Caller.RoleName} mag geen kandidaten of plaatsingen inzien");
    }

    /// <summary>
    /// Throws PERMISSION_DENIED for a region-scoped caller (one with an accountmanager or consulent role, whatever else it
    /// holds): calls that reach every region, such as catalog writes and the audit trail, need an admin without such a role.
    /// </summary>
    public void EnsureAllRegions(string what)
    {
        if (Caller.IsRegionScoped) throw new AccessDeniedException($"{what} geldt voor alle regio's, en uw rol {Caller.RoleName} mag alleen de eigen regio's zien");
    }

    /// <summary>True when the caller may see this candidate: consent to matching, and a region inside the caller's.</summary>
    public bool Sees(Candidate candidate) => candidate.ConsentMatching && _regions.Includes(candidate.Region);

    /// <summary>True when the caller may see the candidate with this id (unknown ids: false).</summary>
    public bool SeesCandidate(string candidateId) => _policy.Store.GetCandidate(candidateId) is { } c && Sees(c);

    /// <summary>True when the caller may see this placement: it may see the placed candidate.</summary>
    public bool Sees(Placement placement) => SeesCandidate(placement.CandidateId);

    /// <summary>The candidate, minimised (<see cref="Minimise"/>); NOT_FOUND when unknown or not visible to the caller.</summary>
    public Candidate Candidate(string candidateId)
    {
        EnsureSeesCandidates();
        var candidate = _policy.Store.GetCandidate(RequiredId.Of(candidateId, "candidate_id"));
        if (candidate is null || !Sees(candidate)) throw new RecordNotFoundException(EntityKind.Candidate, candidateId);
        return Minimise(candidate);
    }

    /// <summary>The placement; NOT_FOUND when unknown or when the caller may not see the placed candidate.</summary>
    public Placement Placement(string placementId)
    {
        EnsureSeesCandidates();
        var placement = _policy.Store.GetPlacement(RequiredId.Of(placementId, "placement_id"));
        if (placement is null || !Sees(placement)) throw new RecordNotFoundException(EntityKind.Placement, placementId);
        return placement;
    }

    /// <summary>
    /// The candidate as any response may show it: without gender and migration background, which only the fairness
    /// audit reads (from the store, apart from every response).
    /// </summary>
    public static Candidate Minimise(Candidate candidate) => candidate.Protected is null ? candidate : candidate with { Protected = null };

    /// <summary>
    /// Writes the call's audit entries: one per candidate whose data it returned (or one without a candidate when it
    /// returned none), completing once they are committed.
    /// </summary>
    public Task RecordAsync(string purpose, IEnumerable<string> candidateIds, string? subject = null)
    {
        var at = _policy.Time.GetUtcNow();
        var role = Caller.RoleName;
        var entries = candidateIds.Distinct(StringComparer.Ordinal).Select(id => new AuditEntry(at, Caller.User, role, Action, purpose, id, subject)).ToList();
        if (entries.Count == 0) entries.Add(new AuditEntry(at, Caller.User, role, Action, purpose, null, subject));
        return _policy.Audit.RecordAsync(entries);
    }
}
