using MatchEngine.Engine.Contract;

namespace MatchEngine.Engine.Access;

/// <summary>
/// The regions whose candidates a request may cover: every region, or only the listed ones. An empty list
/// covers no region (it never means "any"): a region-scoped caller whose credentials name no region sees nothing.
/// </summary>
public sealed class RegionScope
{
    private readonly HashSet<string>? _regions;

    private RegionScope(HashSet<string>? regions) => _regions = regions;

    /// <summary>Every region.</summary>
    public static RegionScope All { get; } = new(null);

    /// <summary>No region at all.</summary>
    public static RegionScope None { get; } = new([]);

    /// <summary>Only <paramref name="regions"/>.</summary>
    public static RegionScope Only(IEnumerable<string> regions) => new(new HashSet<string>(regions, StringComparer.Ordinal));

    /// <summary>True when the scope covers no region.</summary>
    public bool IsEmpty => _regions is { Count: 0 };

    /// <summary>True when the scope covers every region.</summary>
    public bool IsAll => _regions is null;

    /// <summary>True when a candidate of <paramref name="region"/> is inside the scope.</summary>
    public bool Includes(string region) => _regions is null || _regions.Contains(region);

    /// <summary>
    /// The scope narrowed to <paramref name="requested"/> (null or empty: unchanged); a region outside the scope is
    /// refused rather than silently emptied, so the caller learns why nothing came back.
    /// </summary>
    public RegionScope Narrow(string? requested)
    {
        if (string.IsNullOrEmpty(requested)) return this;
        if (!Includes(requested))
            throw new AccessDeniedException($"regio {(requested.Length <= ClientValue.ShownLength ? requested : ClientValue.Quote(requested))} valt buiten uw regio's");
        return Only([requested]);
    }

    /// <summary>
    /// The regions as the index's region filter takes them (empty: any region). Call only on a scope that is not
    /// <see cref="IsEmpty"/>: the filter cannot express "no region".
    /// </summary>
    public IReadOnlyList<string> AsIndexFilter()
    {
        if (IsEmpty) throw new InvalidOperationException("an empty region scope has no index filter; answer with nothing instead");
        return _regions is null ? [] : [.. _regions.Order(StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public override string ToString() => _regions is null ? "all regions" : _regions.Count == 0 ? "no region" : string.Join(",", _regions.Order(StringComparer.Ordinal));
}
