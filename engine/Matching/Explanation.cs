namespace MatchEngine.Engine.Matching;

/// <summary>Short Dutch reasons for a match and the gaps between the candidate and the job, best reason first.</summary>
public sealed record Explanation(IReadOnlyList<string> Reasons, IReadOnlyList<string> Gaps);
