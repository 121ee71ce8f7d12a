namespace MatchEngine.Models.Registry;

/// <summary>
/// The promoted version of one model, loaded once and swapped for a newly promoted one without a
/// restart: <see cref="Refresh"/> compares the promoted version with the loaded one, and a timer calls it
/// periodically. Readers take <see cref="Current"/> once per request, so a swap never changes a model
/// halfway through. Thread-safe.
/// </summary>
public sealed class PromotedModel<T> : IDisposable where T : class
{
    private readonly ModelRegistry _registry;
    private readonly string _name;
    private readonly Func<ModelManifest, string, T> _load;
    private readonly ITimer? _timer;
    private readonly Lock _refreshLock = new();
    private Loaded? _current;

    /// <param name="load">Loads a model from its manifest and directory.</param>
    /// <param name="pollInterval">How often to look for a new promotion; null disables polling (tests call <see cref="Refresh"/>).</param>
    public PromotedModel(ModelRegistry registry, string name, Func<ModelManifest, string, T> load, TimeSpan? pollInterval)
    {
        _registry = registry;
        _name = name;
        _load = load;
        Refresh();
        if (pollInterval is { } every) _timer = registry.Time.CreateTimer(_ => Refresh(), null, every, every);
    }

    /// <summary>The registry the promoted version is read from.</summary>
    public ModelRegistry Registry => _registry;

    /// <summary>The model's name in the registry, e.g. <c>ranker</c>.</summary>
    public string Name => _name;

    /// <summary>The loaded model and its manifest, or null when nothing is promoted yet.</summary>
    public (T Model, ModelManifest Manifest)? Current => _current is { } c ? (c.Model, c.Manifest) : null;

    /// <summary>Raised after a new version was loaded.</summary>
    public event Action<ModelManifest>? Swapped;

    /// <summary>Loads the promoted version when it differs from the loaded one; returns true when it swapped.</summary>
    public bool Refresh()
    {
        lock (_refreshLock)
        {
            var version = _registry.Promoted(_name);
            if (version is null || version == _current?.Manifest.Version) return false;
            var manifest = _registry.Get(version) ?? throw new InvalidOperationException($"promoted version {version} has no manifest");
            var loaded = new Loaded(_load(manifest, _registry.DirectoryOf(version)), manifest);
            Volatile.Write(ref _current, loaded);
            Swapped?.Invoke(manifest);
            return true;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _timer?.Dispose();

    private sealed record Loaded(T Model, ModelManifest Manifest);
}
