using MatchEngine.Engine.Matching;

namespace MatchEngine.Engine.Carving;

/// <summary>
/// A candidate suggested for a carved role, and the role as offered to them. When the proposed role lies outside
/// their hours, asks a shift they cannot work or is physically heavier than they can take, it is carved again from
/// its own tasks to fit them (<see cref="Refitted"/>; <see cref="JobCarver.FitTo"/>). When its tasks do not allow
/// that, <see cref="Role"/> is the proposed role and <see cref="Entry"/>'s gaps name what does not fit, in Dutch
/// ("wil 8–24 uur, rol vraagt 32", "kan geen nachtdienst"). The gaps are read against <see cref="Role"/>.
/// </summary>
/// <param name="Entry">The shortlist entry: score and reasons from ranking the proposed role, gaps against <see cref="Role"/>.</param>
/// <param name="Role">The role as offered to this candidate.</param>
/// <param name="Refitted">Whether <see cref="Role"/> was carved again for this candidate (it then differs from the proposed role).</param>
public sealed record SuggestedCandidate(ShortlistEntry Entry, CarvedRole Role, bool Refitted);
