using System.Runtime.CompilerServices;
using MatchEngine.Engine.Index;

namespace MatchEngine.Engine.Matching;

/// <summary>
/// One generation of the <see cref="CandidatePool"/> (its candidates by id, never changed afterwards), and the ordinal in
/// its <see cref="Lists"/> of each index document it has resolved so far. A shortlist resolves a thousand hits; looking
/// each id up in a dictionary of the whole pool missed the processor's caches several times per hit (8% of a
/// shortlist's CPU under load), where a document's slot is one read. The slots are kept per segment core, so they are
/// collected with the segment, and belong to this generation, so a changed candidate is never served from them: the
/// pool starts a new generation on every change. Thread-safe (two threads filling the same slot store the same value).
/// </summary>
internal sealed class CandidatesByDocument(Dictionary<string, PreparedCandidate> byId)
{
    private readonly ConditionalWeakTable<object, int[]> _ordinalSlots = new();
    private readonly Lazy<CandidateLists> _lists = new(() => new CandidateLists(byId.Values), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The generation's candidates by id.</summary>
    public Dictionary<string, PreparedCandidate> ById { get; } = byId;

    /// <summary>The generation's candidates listed for the structured generator, built on first use.</summary>
    public CandidateLists Lists => _lists.Value;

    /// <summary>The prepared candidate of each hit (by position), or null when the hit's id is not in the pool.</summary>
    public PreparedCandidate?[] Resolve(IReadOnlyList<SearchHit> hits) => CandidatesOf(OrdinalsOf(hits));

    /// <summary>The candidate of each ordinal of <see cref="Lists"/> (null for -1).</summary>
    public PreparedCandidate?[] CandidatesOf(int[] ordinals)
    {
        // A loop, not Array.ConvertAll: its generic store checks each candidate's type, a read of every candidate, one at a time,
        // that featurizing's ReadAhead makes together; a store of this sealed type into its own array needs no check.
        var all = Lists.All;
        var candidates = new PreparedCandidate?[ordinals.Length];
        for (var i = 0; i < ordinals.Length; i++)
            if (ordinals[i] >= 0) candidates[i] = all[ordinals[i]];
        return candidates;
    }

    /// <summary>
    /// The ordinal in <see cref="Lists"/> of each hit's candidate (by position), or -1 when it is not listed. Remembered per
    /// index document, so a hit found before costs one read instead of a lookup by id.
    /// </summary>
    public int[] OrdinalsOf(IReadOnlyList<SearchHit> hits)
    {
        var lists = Lists;
        var ordinals = new int[hits.Count];
        object? segment = null;
        int[] slots = [];
        for (var i = 0; i < hits.Count; i++)
        {
            var hit = hits[i];
            if (hit.Document is not { } at)
            {
                ordinals[i] = lists.OrdinalOf(hit.Id);
                continue;
            }
            if (!ReferenceEquals(at.Segment, segment))
            {
                segment = at.Segment;
                slots = _ordinalSlots.TryGetValue(at.Segment, out var known) ? known : NewOrdinalSlots(at);
            }
            // 0: not looked up yet; otherwise the ordinal + 1, or -1 for a document whose candidate is not listed.
            ref var slot = ref slots[at.Doc];
            if (slot == 0) slot = lists.OrdinalOf(hit.Id) is var o and >= 0 ? o + 1 : -1;
            ordinals[i] = slot > 0 ? slot - 1 : -1;
        }
        return ordinals;
    }

    // Apart from OrdinalsOf, whose every call would otherwise allocate this lambda's closure.
    private int[] NewOrdinalSlots(SegmentDocument at) => _ordinalSlots.GetValue(at.Segment, _ => new int[at.SegmentSize]);
}
