namespace MatchEngine.Engine.Audit;

/// <summary>
/// One read of a candidate's data (or one shortlist): who, in which role, when, what call, for which
/// purpose, which candidate (pseudonym only) and which subject (e.g. the vacancy of a shortlist).
/// </summary>
public sealed record AuditEntry(DateTimeOffset At, string User, string Role, string Action, string Purpose, string? CandidateId, string? Subject);
