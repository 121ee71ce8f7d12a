namespace MatchEngine.Engine.Index;

/// <summary>One search result: the record id and its relevance score (BM25, 0 for filter-only searches).</summary>
public sealed record SearchHit(string Id, float Score)
{
    /// <summary>Where the hit's document lies in the index, for per-document caches; null for hits not read from a segment.</summary>
    internal SegmentDocument? Document { get; init; }
}

/// <summary>A document of an index segment: the segment's core (shared by every reader of that segment), its size, and the document's number in it.</summary>
internal readonly record struct SegmentDocument(object Segment, int SegmentSize, int Doc);
