namespace MatchEngine.Engine.Audit;

/// <summary>
/// One call's audit entries as they are stored: what the entries share (when, who, in which role, what call, for
/// which purpose, about which subject) once, and the candidates read, in the order they were recorded. A null id
/// stands for an entry about no candidate. The entries are the one-per-candidate <see cref="AuditEntry"/> rows the
/// trail answers with; a shortlist of 20 candidates is one call, not 20 rows.
/// </summary>
internal sealed record AuditCall(DateTimeOffset At, string User, string Role, string Action, string Purpose, string? Subject, IReadOnlyList<string?> CandidateIds)
{
    /// <summary>Groups consecutive entries that share everything but the candidate into calls, keeping their order.</summary>
    public static List<AuditCall> Group(IEnumerable<AuditEntry> entries)
    {
        var calls = new List<AuditCall>();
        AuditEntry? first = null;
        var ids = new List<string?>();
        foreach (var entry in entries)
        {
            if (first is null || !SameCall(first, entry))
            {
                if (first is not null) calls.Add(Of(first, ids));
                first = entry;
                ids = [];
            }
            ids.Add(entry.CandidateId);
        }
        if (first is not null) calls.Add(Of(first, ids));
        return calls;
    }

    /// <summary>
    /// This call's entries newest first, as a trail of one row per entry returns them: the last recorded first. Only
    /// those about <paramref name="candidateId"/> when it is given.
    /// </summary>
    public IEnumerable<AuditEntry> EntriesNewestFirst(string? candidateId = null)
    {
        for (var i = CandidateIds.Count - 1; i >= 0; i--)
        {
            var id = CandidateIds[i];
            if (candidateId is null || id == candidateId) yield return new AuditEntry(At, User, Role, Action, Purpose, id, Subject);
        }
    }

    private static AuditCall Of(AuditEntry first, List<string?> ids) =>
        new(first.At, first.User, first.Role, first.Action, first.Purpose, first.Subject, ids);

    private static bool SameCall(AuditEntry a, AuditEntry b) =>
        a.At == b.At && a.User == b.User && a.Role == b.Role && a.Action == b.Action && a.Purpose == b.Purpose && a.Subject == b.Subject;
}
