using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace MatchEngine.Engine.Index;

/// <summary>
/// Builds Lucene queries without the query parser, so user text with any characters is safe: the text
/// is analyzed into terms (at most <see cref="MaxTerms"/>) that each SHOULD match; keyword filters are MUST
/// clauses of term queries, turned into per-segment bits by <see cref="KeywordFilter"/>. Neither they nor the
/// numeric filters change the score: <see cref="ConstraintCollector"/> checks both per scored document.
/// </summary>
internal static class QueryBuilder
{
    public const int MaxTerms = 200;

    public static Query Text(Analyzer analyzer, string text, params (string Field, float Boost)[] fields)
    {
        var terms = Terms(analyzer, fields[0].Field, text);
        if (terms.Count == 0) return new MatchAllDocsQuery();
        var query = new BooleanQuery(disableCoord: true);
        foreach (var (field, boost) in fields)
        {
            foreach (var term in terms)
                query.Add(new TermQuery(new Term(field, term)) { Boost = boost }, Occur.SHOULD);
        }
        return query;
    }

    public static void Keyword(BooleanQuery filter, string field, string value) =>
        filter.Add(new TermQuery(new Term(field, value)), Occur.MUST);

    public static void AnyOf(BooleanQuery filter, string field, IEnumerable<string> values)
    {
        var any = new BooleanQuery();
        foreach (var v in values) any.Add(new TermQuery(new Term(field, v)), Occur.SHOULD);
        if (any.Clauses.Count > 0) filter.Add(any, Occur.MUST);
    }

    public static IReadOnlyList<string> Terms(Analyzer analyzer, string field, string text)
    {
        var terms = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using var stream = analyzer.GetTokenStream(field, text);
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
