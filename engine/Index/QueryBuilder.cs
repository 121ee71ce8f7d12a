using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using MatchEngine.Engine.Domain;
using S = MatchEngine.Engine.Index.IndexSchema;

namespace MatchEngine.Engine.Index;

/// <summary>
/// Builds Lucene queries without the query parser, so user text with any characters is safe: the text
/// is analyzed into terms (at most <see cref="MaxTerms"/>) that each SHOULD match; filters are MUST
/// clauses of term and numeric range queries, wrapped as a filter so they do not change the score.
/// </summary>
internal static class QueryBuilder
{
    public const int MaxTerms = 200;
    private const double KmPerDegreeLat = 111.32;

    public static Query Text(Analyzer analyzer, string text, params (string Field, float Boost)[] fields)
    {
        var terms = Terms(analyzer, text);
        if (terms.Count == 0) return new MatchAllDocsQuery();
        var query = new BooleanQuery(disableCoord: true);
        foreach (var (field, boost) in fields)
        {
            foreach (var term in terms)
                query.Add(new TermQuery(new Term(field, term)) { Boost = boost }, Occur.SHOULD);
        }
        return query;
    }

    public static Query Combine(Query text, BooleanQuery filter) =>
        text is MatchAllDocsQuery ? new ConstantScoreQuery(filter) { Boost = 0 } : new FilteredQuery(text, new QueryWrapperFilter(filter));

    public static void Keyword(BooleanQuery filter, string field, string value) =>
        filter.Add(new TermQuery(new Term(field, value)), Occur.MUST);

    public static void AnyOf(BooleanQuery filter, string field, IEnumerable<string> values)
    {
        var any = new BooleanQuery();
        foreach (var v in values) any.Add(new TermQuery(new Term(field, v)), Occur.SHOULD);
        if (any.Clauses.Count > 0) filter.Add(any, Occur.MUST);
    }

    public static void HoursOverlap(BooleanQuery filter, double? min, double? max)
    {
        if (max is { } hi) filter.Add(NumericRangeQuery.NewDoubleRange(S.HoursMin, null, hi, true, true), Occur.MUST);
        if (min is { } lo) filter.Add(NumericRangeQuery.NewDoubleRange(S.HoursMax, lo, null, true, true), Occur.MUST);
    }

    public static void DayAtMost(BooleanQuery filter, string field, DateOnly day) =>
        filter.Add(NumericRangeQuery.NewInt32Range(field, null, day.DayNumber, true, true), Occur.MUST);

    public static void DayAtLeast(BooleanQuery filter, string field, DateOnly day) =>
        filter.Add(NumericRangeQuery.NewInt32Range(field, day.DayNumber, null, true, true), Occur.MUST);

    /// <summary>A bounding box around <paramref name="center"/> that contains every point within <paramref name="km"/>.</summary>
    public static void BoundingBox(BooleanQuery filter, GeoPoint center, double km)
    {
        var dLat = km / KmPerDegreeLat;
        var dLon = km / (KmPerDegreeLat * Math.Max(0.1, Math.Cos(center.Lat * Math.PI / 180)));
        filter.Add(NumericRangeQuery.NewDoubleRange(S.Lat, center.Lat - dLat, center.Lat + dLat, true, true), Occur.MUST);
        filter.Add(NumericRangeQuery.NewDoubleRange(S.Lon, center.Lon - dLon, center.Lon + dLon, true, true), Occur.MUST);
    }

    public static IReadOnlyList<string> Terms(Analyzer analyzer, string text)
    {
        var terms = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using var stream = analyzer.GetTokenStream(S.Text, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken() && terms.Count < MaxTerms)
        {
            var t = term.ToString();
            if (seen.Add(t)) terms.Add(t);
        }
        stream.End();
        return terms;
    }
}
