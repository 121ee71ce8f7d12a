using Lucene.Net.Index;
using Lucene.Net.Search;

namespace MatchEngine.Engine.Index;

/// <summary>
/// Passes on to the inner collector only the documents that pass the search's <see cref="SegmentFilter"/>; used
/// for filter-only searches (no text), which Lucene runs as match-all. Not thread-safe (one per search).
/// </summary>
internal sealed class ConstraintCollector(ICollector inner, KeywordFilter keywords, NumericConstraints constraints) : ICollector
{
    private SegmentFilter? _filter;

    public bool AcceptsDocsOutOfOrder => inner.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => inner.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        _filter = new SegmentFilter(context, keywords, constraints);
        inner.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        if (_filter!.Accepts(doc)) inner.Collect(doc);
    }
}
