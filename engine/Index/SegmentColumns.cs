using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using S = MatchEngine.Engine.Index.IndexSchema;

namespace MatchEngine.Engine.Index;

/// <summary>
/// One index segment's numeric doc values copied into plain arrays, once per segment. Reading Lucene.Net's
/// doc values costs tens of nanoseconds a value (seen in a development probe, not kept); the
/// numeric filters read several values for every matching document, so they read these arrays instead.
/// Segments are immutable, so the copy stays valid until the segment is merged away; it is keyed on the
/// segment's core and collected with it. About 70 bytes a document. Thread-safe.
/// </summary>
internal sealed class SegmentColumns
{
    private static readonly ConditionalWeakTable<object, SegmentColumns> Cache = new();

    private SegmentColumns(AtomicReader reader)
    {
        var maxDoc = reader.MaxDoc;
        Lat = Doubles(reader, S.LatDv, maxDoc);
        Lon = Doubles(reader, S.LonDv, maxDoc);
        CosLat = Lat?.Select(lat => Math.Cos(lat * (Math.PI / 180))).ToArray();
        MaxDistanceKm = Doubles(reader, S.MaxDistanceDv, maxDoc);
        HoursMin = Doubles(reader, S.HoursMinDv, maxDoc);
        HoursMax = Doubles(reader, S.HoursMaxDv, maxDoc);
        Days = new Dictionary<string, int[]?>(StringComparer.Ordinal)
        {
            [S.AvailableFromDv] = Ints(reader, S.AvailableFromDv, maxDoc),
            [S.PostedAtDv] = Ints(reader, S.PostedAtDv, maxDoc),
            [S.ClosesAtDv] = Ints(reader, S.ClosesAtDv, maxDoc),
        };
    }

    /// <summary>Null when no document of the segment has the field.</summary>
    public double[]? Lat { get; }
    public double[]? Lon { get; }

    /// <summary>Cosine of each document's latitude, for the flat-earth distance test.</summary>
    public double[]? CosLat { get; }
    public double[]? MaxDistanceKm { get; }
    public double[]? HoursMin { get; }
    public double[]? HoursMax { get; }

    /// <summary>Epoch-day fields by name; an entry is null when no document of the segment has that field.</summary>
    public IReadOnlyDictionary<string, int[]?> Days { get; }

    /// <summary>The columns of <paramref name="reader"/>'s segment, loaded on first use.</summary>
    public static SegmentColumns Of(AtomicReader reader) => Cache.GetValue(reader.CoreCacheKey, _ => new SegmentColumns(reader));

    private static double[]? Doubles(AtomicReader reader, string field, int maxDoc)
    {
        if (reader.GetNumericDocValues(field) is not { } values) return null;
        var column = new double[maxDoc];
        for (var doc = 0; doc < maxDoc; doc++) column[doc] = BitConverter.Int64BitsToDouble(values.Get(doc));
        return column;
    }

    private static int[]? Ints(AtomicReader reader, string field, int maxDoc)
    {
        if (reader.GetNumericDocValues(field) is not { } values) return null;
        var column = new int[maxDoc];
        for (var doc = 0; doc < maxDoc; doc++) column[doc] = (int)values.Get(doc);
        return column;
    }
}
