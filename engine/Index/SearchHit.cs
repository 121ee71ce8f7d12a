namespace MatchEngine.Engine.Index;

/// <summary>One search result: the record id and its relevance score (BM25, 0 for filter-only searches).</summary>
public sealed record SearchHit(string Id, float Score);
