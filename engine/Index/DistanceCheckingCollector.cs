using Lucene.Net.Index;
using Lucene.Net.Search;
using MatchEngine.Engine.Domain;
using S = MatchEngine.Engine.Index.IndexSchema;

namespace MatchEngine.Engine.Index;

/// <summary>
/// Collects the top hits while checking the exact great-circle distance from doc values: either
/// within a fixed radius of a point, or within each candidate's own maximum travel distance. The
/// bounding-box range query in front of it keeps the number of checks small. Not thread-safe (one per search).
/// </summary>
internal sealed class DistanceCheckingCollector(ICollector inner, GeoPoint center, double? fixedRadiusKm) : ICollector
{
    private NumericDocValues? _lat;
    private NumericDocValues? _lon;
    private NumericDocValues? _maxDistance;

    public bool AcceptsDocsOutOfOrder => inner.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => inner.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        _lat = context.AtomicReader.GetNumericDocValues(S.LatDv);
        _lon = context.AtomicReader.GetNumericDocValues(S.LonDv);
        _maxDistance = fixedRadiusKm is null ? context.AtomicReader.GetNumericDocValues(S.MaxDistanceDv) : null;
        inner.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        if (_lat is null || _lon is null) return;
        var point = new GeoPoint(BitConverter.Int64BitsToDouble(_lat.Get(doc)), BitConverter.Int64BitsToDouble(_lon.Get(doc)));
        var limit = fixedRadiusKm ?? (_maxDistance is null ? 0 : BitConverter.Int64BitsToDouble(_maxDistance.Get(doc)));
        if (center.DistanceKm(point) <= limit) inner.Collect(doc);
    }
}
