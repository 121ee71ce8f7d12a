using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Audit;

/// <summary>
/// A question to the audit trail, as the CLI and the Audit gRPC service ask it: the entries about one candidate, or
/// of one user, newest first, at most <see cref="Limit"/>. <see cref="For"/> refuses a question without a subject, so
/// an empty id never answers with an empty trail.
/// </summary>
public sealed record AuditTrailQuery(string? CandidateId, string? User, int Limit)
{
    /// <summary>The most entries one query returns.</summary>
    public const int MaxLimit = 100_000;

    /// <summary>The query for exactly one of <paramref name="candidateId"/> and <paramref name="user"/>; null or empty means not given.</summary>
    public static AuditTrailQuery For(string? candidateId, string? user, int limit)
    {
        if (Domain.Limit.Between(1, MaxLimit).Grouped().Refusal(limit) is { } badLimit) throw new InvalidRequestException("limit", badLimit);
        var byCandidate = !string.IsNullOrWhiteSpace(candidateId);
        var byUser = !string.IsNullOrWhiteSpace(user);
        if (byCandidate == byUser)
            throw new InvalidRequestException(candidateId is null ? user is null ? "by" : "user" : "candidate_id",
                byCandidate ? "geef een candidate_id of een user, niet allebei" : "geef een candidate_id of een user");
        return new AuditTrailQuery(byCandidate ? candidateId : null, byUser ? user : null, limit);
    }

    /// <summary>The entries answering this query, newest first, after skipping the newest <paramref name="offset"/>.</summary>
    public IReadOnlyList<AuditEntry> Run(IAuditLog log, int offset = 0) =>
        CandidateId is not null ? log.ForCandidate(CandidateId, Limit, offset) : log.ForUser(User!, Limit, offset);

    /// <summary>How many entries there are for this query's candidate or user in all, whatever its <see cref="Limit"/>.</summary>
    public int Count(IAuditLog log) => CandidateId is not null ? log.CountForCandidate(CandidateId) : log.CountForUser(User!);
}
