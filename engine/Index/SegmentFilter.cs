using Lucene.Net.Index;
using Lucene.Net.Util;

namespace MatchEngine.Engine.Index;

/// <summary>
/// A search's filters bound to one index segment: the <see cref="KeywordFilter"/>'s bits and the
/// <see cref="NumericConstraints"/> read from the segment's <see cref="SegmentColumns"/>, and its ids left out (<see cref="SegmentIds"/>). A segment lacking a field
/// rejects every document the constraint on it applies to. One per search and segment; not thread-safe.
/// </summary>
internal sealed class SegmentFilter
{
    private readonly FixedBitSet _keywordBits;
    private readonly SegmentColumns _columns;
    private readonly NumericConstraints _constraints;
    // Arrays, not the constraint's lists: Accepts runs for every matching document, and a foreach over an
    // interface allocates an enumerator each time.
    private readonly DistanceCheck[] _distances;
    private readonly int[]?[] _atMost;
    private readonly long[] _atMostValues;
    private readonly int[]?[] _atLeast;
    private readonly long[] _atLeastValues;
    private readonly IReadOnlySet<string>? _leftOut;
    private readonly SegmentIds? _ids;

    public SegmentFilter(AtomicReaderContext segment, KeywordFilter keywords, NumericConstraints constraints)
    {
        _keywordBits = keywords.Bits(segment);
        _columns = SegmentColumns.Of(segment.AtomicReader);
        _constraints = constraints;
        _distances = [.. constraints.Distances];
        _atMost = constraints.AtMost.Select(c => _columns.Days.GetValueOrDefault(c.Field)).ToArray();
        _atMostValues = constraints.AtMost.Select(c => c.Max).ToArray();
        _atLeast = constraints.AtLeast.Select(c => _columns.Days.GetValueOrDefault(c.Field)).ToArray();
        _atLeastValues = constraints.AtLeast.Select(c => c.Min).ToArray();
        if (constraints.LeftOut is { Count: > 0 } leftOut) (_leftOut, _ids) = (leftOut, SegmentIds.Of(segment.AtomicReader));
    }

    /// <summary>True when document <paramref name="doc"/> of the segment passes every filter.</summary>
    public bool Accepts(int doc)
    {
        if (!_keywordBits.Get(doc)) return false;
        var columns = _columns;
        if (_constraints.HoursMax is { } hi && (columns.HoursMin is not { } mins || mins[doc] > hi)) return false;
        if (_constraints.HoursMin is { } lo && (columns.HoursMax is not { } maxs || maxs[doc] < lo)) return false;
        for (var i = 0; i < _atMost.Length; i++)
            if (_atMost[i] is not { } days || days[doc] > _atMostValues[i]) return false;
        for (var i = 0; i < _atLeast.Length; i++)
            if (_atLeast[i] is not { } days || days[doc] < _atLeastValues[i]) return false;
        if (_distances.Length > 0 && !WithinDistances(doc)) return false;
        // Last: the id is a string lookup, and it runs only for the few documents that pass everything else.
        return _leftOut is null || !_leftOut.Contains(_ids!.Get(doc));
    }

    private bool WithinDistances(int doc)
    {
        var columns = _columns;
        if (columns.Lat is not { } lat || columns.Lon is not { } lon || columns.CosLat is not { } cosLat) return false;
        foreach (var check in _distances)
        {
            var limit = check.RadiusKm ?? columns.MaxDistanceKm?[doc] ?? 0;
            if (!check.Accepts(lat[doc], lon[doc], cosLat[doc], limit)) return false;
        }
        return true;
    }
}
