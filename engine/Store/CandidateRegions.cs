using System.Text.Json;
using MatchEngine.Engine.Contract;

namespace MatchEngine.Engine.Store;

/// <summary>
/// The regions some candidate of a store lives in (with or without consent), kept up to the store's revision: a region a request
/// names that no candidate lives in is a typo or another store's, and would otherwise give an empty answer that reads as "nobody
/// fits". Read in full once; after that a store change adds the regions of the candidates it wrote, and a deleted candidate
/// (the only way a region can go) reads them all again. Thread-safe.
/// </summary>
public sealed class CandidateRegions(ICatalogStore store)
{
    private sealed record Known(long Revision, IReadOnlySet<string> Regions);

    private readonly Lock _lock = new();
    private Known? _known;

    /// <summary>The regions as of the store's current revision.</summary>
    public IReadOnlySet<string> Now()
    {
        var revision = store.Revision;
        if (Volatile.Read(ref _known) is { } known && known.Revision == revision) return known.Regions;
        lock (_lock)
        {
            _known = Update(_known, store.Revision);
            return _known.Regions;
        }
    }

    private Known Update(Known? known, long revision)
    {
        if (known is not null && known.Revision == revision) return known;
        if (known is null) return ReadAll(revision);
        var changes = store.ChangesSince(known.Revision).Where(c => c.Kind == EntityKind.Candidate).ToArray();
        if (changes.Length == 0) return known with { Revision = revision };
        if (changes.Any(c => c.Deleted)) return ReadAll(revision);
        var regions = new HashSet<string>(known.Regions, StringComparer.Ordinal);
        foreach (var change in changes)
            if (store.GetCandidate(change.Id) is { } candidate) regions.Add(candidate.Region);
        return new Known(revision, regions);
    }

    /// <summary>Every candidate's region, read from the stored JSON without parsing the rest of the record (a national store holds 400,000).</summary>
    private Known ReadAll(long revision)
    {
        var regions = new HashSet<string>(StringComparer.Ordinal);
        store.ScanJson(EntityKind.Candidate, json =>
        {
            if (RegionOf(json) is { } region) regions.Add(region);
        });
        return new Known(revision, regions);
    }

    /// <summary>The top-level <c>region</c> of one stored candidate record; null when it has none.</summary>
    private static string? RegionOf(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isRegion = reader.ValueTextEquals("region"u8);
            reader.Read();
            if (isRegion) return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            reader.Skip();
        }
        return null;
    }
}
