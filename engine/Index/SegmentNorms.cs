using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace MatchEngine.Engine.Index;

/// <summary>
/// One segment's length norms of a text field copied into a byte array, once per segment and field, for
/// <see cref="Bm25Disjunction"/>: reading them through Lucene.Net's doc values costs a virtual call per posting.
/// Segments are immutable; the copy is keyed on the segment's core and collected with it. Thread-safe.
/// </summary>
internal static class SegmentNorms
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, byte[]?>> Cache = new();

    /// <summary>The field's norm byte per document, or null when the segment has no norms for it.</summary>
    public static byte[]? Of(AtomicReader reader, string field) =>
        Cache.GetValue(reader.CoreCacheKey, _ => new ConcurrentDictionary<string, byte[]?>(StringComparer.Ordinal))
            .GetOrAdd(field, f =>
            {
                if (reader.GetNormValues(f) is not { } values) return null;
                var norms = new byte[reader.MaxDoc];
                for (var doc = 0; doc < norms.Length; doc++) norms[doc] = (byte)values.Get(doc);
                return norms;
            });
}
