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
    public static List<AuditCall> Group(IReadOnlyList<AuditEntry> entries)
    {
        var calls = new List<AuditCall>();
        var start = 0;
        for (var i = 1; i <= entries.Count; i++)
        {
            if (i < entries.Count && SameCall(entries[start], entries[i])) continue;
            var first = entries[start];
            var ids = new string?[i - start];
            for (var k = start; k < i; k++) ids[k - start] = entries[k].CandidateId;
            calls.Add(new AuditCall(first.At, first.User, first.Role, first.Action, first.Purpose, first.Subject, ids));
            start = i;
        }
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

    private static bool SameCall(AuditEntry a, AuditEntry b) =>
        a.At == b.At && a.User == b.User && a.Role == b.Role && a.Action == b.Action && a.Purpose == b.Purpose && a.Subject == b.Subject;
}
