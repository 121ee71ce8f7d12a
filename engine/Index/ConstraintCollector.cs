using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace MatchEngine.Engine.Index;

/// <summary>
/// Passes on to the inner collector only the documents in the <see cref="KeywordFilter"/> that satisfy
/// <see cref="NumericConstraints"/>, read from each segment's <see cref="SegmentColumns"/>. A segment
/// lacking a field rejects every document the constraint on it applies to. Not thread-safe (one per search).
/// </summary>
internal sealed class ConstraintCollector(ICollector inner, KeywordFilter keywords, NumericConstraints constraints) : ICollector
{
    // Arrays, not the constraint's lists: Collect runs for every matching document, and a foreach over an
    // interface allocates an enumerator each time.
    private readonly DistanceCheck[] _distances = [.. constraints.Distances];
    private readonly long[] _atMostValues = constraints.AtMost.Select(c => c.Max).ToArray();
    private readonly long[] _atLeastValues = constraints.AtLeast.Select(c => c.Min).ToArray();
    private FixedBitSet? _keywordBits;
    private SegmentColumns? _columns;
    private int[]?[] _atMost = [];
    private int[]?[] _atLeast = [];

    public bool AcceptsDocsOutOfOrder => inner.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => inner.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        _keywordBits = keywords.Bits(context);
        _columns = SegmentColumns.Of(context.AtomicReader);
        _atMost = constraints.AtMost.Select(c => _columns.Days.GetValueOrDefault(c.Field)).ToArray();
        _atLeast = constraints.AtLeast.Select(c => _columns.Days.GetValueOrDefault(c.Field)).ToArray();
        inner.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        if (_keywordBits!.Get(doc) && Accepts(_columns!, doc)) inner.Collect(doc);
    }

    private bool Accepts(SegmentColumns columns, int doc)
    {
        if (constraints.HoursMax is { } hi && (columns.HoursMin is not { } mins || mins[doc] > hi)) return false;
        if (constraints.HoursMin is { } lo && (columns.HoursMax is not { } maxs || maxs[doc] < lo)) return false;
        for (var i = 0; i < _atMost.Length; i++)
            if (_atMost[i] is not { } days || days[doc] > _atMostValues[i]) return false;
        for (var i = 0; i < _atLeast.Length; i++)
            if (_atLeast[i] is not { } days || days[doc] < _atLeastValues[i]) return false;
        if (_distances.Length == 0) return true;
        if (columns.Lat is not { } lat || columns.Lon is not { } lon || columns.CosLat is not { } cosLat) return false;
        foreach (var check in _distances)
        {
            var limit = check.RadiusKm ?? columns.MaxDistanceKm?[doc] ?? 0;
            if (!check.Accepts(lat[doc], lon[doc], cosLat[doc], limit)) return false;
        }
        return true;
    }
}
