using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Matching;

/// <summary>
/// What a caller asks of fair re-ranking: that in the top of the shortlist every group of <see cref="Attribute"/> gets at least
/// <see cref="Share"/> of its share among the qualified candidates (<see cref="Qualification"/>) of the pool.
/// </summary>
/// <param name="Attribute">age_band, gender or migration_background (<see cref="ProtectedGroup"/>).</param>
/// <param name="Share">0-1: the floor as a share of each group's qualified share (default 0.9).</param>
public sealed record FairExposure(string Attribute, double Share = FairExposure.DefaultShare)
{
    /// <summary>The floor when none is given.</summary>
    public const double DefaultShare = 0.9;

    /// <summary>Parses <c>ATTRIBUTE[:SHARE]</c>, e.g. <c>migration_background:0.9</c>; an unknown attribute or a share outside (0, 1] is an <see cref="ArgumentException"/>.</summary>
    public static FairExposure Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var attribute = colon < 0 ? text : text[..colon];
        if (!ProtectedGroup.Attributes.Contains(attribute))
            throw new ArgumentException($"fair-exposure: het kenmerk moet {Dutch.List(ProtectedGroup.Attributes, "of")} zijn, niet '{attribute}'");
        if (colon < 0) return new FairExposure(attribute);
        return double.TryParse(text.AsSpan(colon + 1), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var share) && share is > 0 and <= 1
            ? new FairExposure(attribute, share)
            : throw new ArgumentException($"fair-exposure moet ATTRIBUTE[:SHARE] zijn, met een aandeel boven 0 en hoogstens 1, niet '{text}'");
    }
}

/// <summary>
/// LinkedIn's deterministic greedy re-ranking (DetGreedy; Geyik, Ambler and Kenthapadi, "Fairness-Aware Ranking in Search &amp;
/// Recommendation Systems with Application to LinkedIn Talent Search", KDD 2019) with lower bounds only: at every position k of
/// the top, a group whose count is below its minimum gets the place, the best-scored such group first; otherwise the best remaining
/// candidate does. The paper's minimum is ⌊k · p⌋ (p the group's target share); here it is ⌈k · p⌉ once k · p reaches half a place
/// (<see cref="Minimum"/>), because a floor misses the target by up to one place in every short list (4 of 10 places for a target of
/// 4.7), and over many shortlists that shortfall is systematic; a group whose target is under half a place gets none forced, so a
/// group of a handful is not put in every top 10. Such a group, never lifted, is never pushed down either: its candidates in the model's
/// top keep their positions and the places the lifted groups take come from the others (else the swaps made for the large groups
/// push a group of a handful out of most tops it reaches). Within a group the model's order is kept. Targets are
/// <see cref="FairExposure.Share"/> times each group's share of the qualified candidates of the pool. Stateless.
/// </summary>
public static class FairReranking
{
    /// <summary>
    /// The first <paramref name="top"/> positions of <paramref name="ranked"/> (row indexes, best first) re-ranked so that every group
    /// (<paramref name="groupOf"/> a row) keeps at least <paramref name="share"/> of its share among the rows <paramref name="qualified"/> says meet the requirements.
    /// </summary>
    public static int[] Rerank(IReadOnlyList<int> ranked, Func<int, string> groupOf, Func<int, bool> qualified, int top, double share)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(groupOf);
        ArgumentNullException.ThrowIfNull(qualified);
        var qualifiedGroups = ranked.Where(qualified).Select(groupOf).ToArray();
        var target = qualifiedGroups.GroupBy(g => g, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => share * g.Count() / qualifiedGroups.Length, StringComparer.Ordinal);
        var queues = ranked.GroupBy(groupOf, StringComparer.Ordinal).ToDictionary(g => g.Key, g => new Queue<int>(g), StringComparer.Ordinal);
        var position = ranked.Select((row, i) => (row, i)).ToDictionary(x => x.row, x => x.i);
        var counts = queues.Keys.ToDictionary(g => g, _ => 0, StringComparer.Ordinal);
        var result = new int[Math.Clamp(top, 0, ranked.Count)];
        var pinned = new bool[result.Length];
        for (var k = 0; k < result.Length; k++)
        {
            var group = groupOf(ranked[k]);
            if (Minimum(result.Length * target.GetValueOrDefault(group)) > 0) continue;
            result[k] = queues[group].Dequeue(); // the group's first candidates in the model's order: ranked[k] itself
            pinned[k] = true;
        }
        for (var k = 1; k <= result.Length; k++)
        {
            if (pinned[k - 1]) continue;
            var behind = queues.Where(q => q.Value.Count > 0 && counts[q.Key] < Minimum(k * target.GetValueOrDefault(q.Key))).Select(q => q.Key).ToArray();
            var from = (behind.Length > 0 ? behind : queues.Where(q => q.Value.Count > 0).Select(q => q.Key))
                .MinBy(g => position[queues[g].Peek()])!;
            result[k - 1] = queues[from].Dequeue();
            counts[from]++;
        }
        return result;
    }

    /// <summary>The places a group with <paramref name="due"/> places' worth of target must hold: none under half a place, else the target rounded up.</summary>
    public static int Minimum(double due) => due < 0.5 ? 0 : (int)Math.Ceiling(due - 1e-9);
}
