namespace MatchEngine.Engine.Access;

/// <summary>
/// Who is asking: a user with one or more roles and the regions in their credentials.
/// </summary>
/// <remarks>
/// Several roles combine so that no combination sees more than its parts:
/// <list type="bullet">
/// <item>the caller may call what any of its roles may call (the api checks each method's roles);</item>
/// <item>it may see candidate and placement records when one of its roles may (<see cref="Roles.CandidateReaders"/>);</item>
/// <item>with an accountmanager or consulent role among them, it sees only the candidates of its own regions,
/// whatever other role it holds: an <c>accountmanager</c> + <c>admin</c> token for region GV reads GV's candidates
/// in every call, the admin ones included. Without a region such a caller sees no candidate at all.</item>
/// </list>
/// </remarks>
public sealed record Caller(string User, IReadOnlySet<string> Roles, IReadOnlySet<string> Regions)
{
    /// <summary>A caller with one role.</summary>
    public static Caller Of(string user, string role, params string[] regions) =>
        new(user, new HashSet<string>([role], StringComparer.Ordinal), new HashSet<string>(regions, StringComparer.Ordinal));

    /// <summary>True when the caller holds <paramref name="role"/>.</summary>
    public bool Holds(string role) => Roles.Contains(role);

    /// <summary>True when one of the caller's roles may see candidate and placement records.</summary>
    public bool SeesCandidates => Roles.Overlaps(Access.Roles.CandidateReaders);

    /// <summary>True when the caller sees only its own regions' candidates (see the remarks).</summary>
    public bool IsRegionScoped => Roles.Overlaps(Access.Roles.RegionScoped);

    /// <summary>The roles as one string for the audit trail, e.g. <c>accountmanager</c> or <c>accountmanager+admin</c>.</summary>
    public string RoleName => Roles.Count == 0 ? "(none)" : string.Join("+", Roles.Order(StringComparer.Ordinal));

    /// <summary>The candidates' regions this caller may see.</summary>
    public RegionScope CandidateRegions => !SeesCandidates ? RegionScope.None : IsRegionScoped ? RegionScope.Only(Regions) : RegionScope.All;
}
