using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace MatchEngine.Engine.Index;

/// <summary>
/// Builds searches without the query parser, so user text with any characters is safe: the text is analyzed
/// into terms (at most <see cref="MaxTerms"/>) that each SHOULD match (scored by <see cref="Bm25Disjunction"/>);
/// keyword filters are MUST clauses of term queries, turned into per-segment bits by <see cref="KeywordFilter"/>.
/// Neither they nor the numeric filters change the score: <see cref="SegmentFilter"/> checks both per matching document.
/// </summary>
internal static class QueryBuilder
{
    public const int MaxTerms = 200;

    /// <summary>The text as SHOULD clauses for <see cref="Bm25Disjunction"/>: each term of <paramref name="text"/> in each field, field by field.</summary>
    public static IReadOnlyList<Bm25Disjunction.Clause> Clauses(Analyzer analyzer, string text, params (string Field, float Boost)[] fields)
    {
        var terms = Terms(analyzer, fields[0].Field, text);
        return fields.SelectMany(f => terms.Select(t => new Bm25Disjunction.Clause(f.Field, t, f.Boost))).ToArray();
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
