using System.Text.Json;

namespace MatchEngine.Models.Registry;

/// <summary>
/// A directory of versioned models: <c>&lt;root&gt;/&lt;name&gt;/&lt;version&gt;/</c> holds the model files and
/// <c>manifest.json</c>; <c>&lt;root&gt;/&lt;name&gt;/promoted.json</c> holds the promotion history, newest last,
/// written atomically (temp file, then move) so a watcher never reads half a file. Versions are
/// <c>&lt;name&gt;-v0001</c>, <c>-v0002</c>, … in creation order. Thread-safe for readers; one writer at a time.
/// </summary>
public sealed class ModelRegistry(string root, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The registry's root directory.</summary>
    public string Root { get; } = root;

    /// <summary>The clock used to stamp manifests and promotions.</summary>
    public TimeProvider Time { get; } = time;

    /// <summary>Reserves the next version of <paramref name="name"/> and returns its (new, empty) directory.</summary>
    public (string Version, string Directory) NewVersion(string name)
    {
        var dir = Path.Combine(Root, name);
        Directory.CreateDirectory(dir);
        var next = Directory.GetDirectories(dir).Select(Path.GetFileName).Select(v => ParseNumber(name, v!)).DefaultIfEmpty(0).Max() + 1;
        var version = $"{name}-v{next:D4}";
        return (version, Directory.CreateDirectory(Path.Combine(dir, version)).FullName);
    }

    /// <summary>Writes the manifest of a version whose files are in place.</summary>
    public void Save(ModelManifest manifest) =>
        WriteAtomically(Path.Combine(DirectoryOf(manifest.Version), "manifest.json"), JsonSerializer.Serialize(manifest, Json));

    /// <summary>All saved versions of <paramref name="name"/>, oldest first.</summary>
    public IReadOnlyList<ModelManifest> List(string name)
    {
        var dir = Path.Combine(Root, name);
        if (!Directory.Exists(dir)) return [];
        return Directory.GetDirectories(dir).Select(d => Path.Combine(d, "manifest.json")).Where(File.Exists)
            .Select(f => JsonSerializer.Deserialize<ModelManifest>(File.ReadAllText(f), Json)!).OrderBy(m => m.Version, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The manifest of one version, or null.</summary>
    public ModelManifest? Get(string version)
    {
        var path = Path.Combine(DirectoryOf(version), "manifest.json");
        return File.Exists(path) ? JsonSerializer.Deserialize<ModelManifest>(File.ReadAllText(path), Json) : null;
    }

    /// <summary>The directory of a version.</summary>
    /// <summary>The manifest of <paramref name="version"/>; a missing or malformed version is a <see cref="ModelVersionNotFoundException"/>.</summary>
    public ModelManifest Require(string version)
    {
        try
        {
            return Get(version) ?? throw new ModelVersionNotFoundException(version);
        }
        catch (ArgumentException)
        {
            throw new ModelVersionNotFoundException(version);
        }
    }

    public string DirectoryOf(string version) => Path.Combine(Root, NameOf(version), version);

    /// <summary>The currently promoted version of <paramref name="name"/>, or null.</summary>
    public string? Promoted(string name) => History(name).LastOrDefault()?.Version;

    /// <summary>The promotion history of <paramref name="name"/>, oldest first.</summary>
    public IReadOnlyList<Promotion> History(string name)
    {
        var path = PromotedPath(name);
        return File.Exists(path) ? JsonSerializer.Deserialize<List<Promotion>>(File.ReadAllText(path), Json)! : [];
    }

    /// <summary>Makes <paramref name="version"/> the served one, recording who/why.</summary>
    public void Promote(string version, string reason)
    {
        Require(version);
        var name = NameOf(version);
        var history = History(name).ToList();
        history.Add(new Promotion(version, Time.GetUtcNow(), reason));
        WriteAtomically(PromotedPath(name), JsonSerializer.Serialize(history, Json));
    }

    /// <summary>Returns to the version promoted before the current one; returns it, or throws when there is none.</summary>
    public string Rollback(string name)
    {
        var history = History(name).ToList();
        if (history.Count < 2) throw new InvalidOperationException($"{name} has no earlier promoted version to roll back to");
        var current = history[^1].Version;
        var previous = history.Take(history.Count - 1).Last(p => p.Version != current).Version;
        history.Add(new Promotion(previous, Time.GetUtcNow(), $"rollback from {current}"));
        WriteAtomically(PromotedPath(name), JsonSerializer.Serialize(history, Json));
        return previous;
    }

    /// <summary>Path of the promotion file of <paramref name="name"/> (watched by the api).</summary>
    public string PromotedPath(string name) => Path.Combine(Root, name, "promoted.json");

    private static string NameOf(string version)
    {
        var i = version.LastIndexOf("-v", StringComparison.Ordinal);
        return i > 0 ? version[..i] : throw new ArgumentException($"'{version}' is not a model version (name-vNNNN)");
    }

    private static int ParseNumber(string name, string version) =>
        version.StartsWith(name + "-v", StringComparison.Ordinal) && int.TryParse(version.AsSpan(name.Length + 2), out var n) ? n : 0;

    private static void WriteAtomically(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        File.WriteAllText(temp, content);
        File.Move(temp, path, overwrite: true);
    }
}

/// <summary>One promotion: the version, when, and why (a training run, an admin, a rollback).</summary>
public sealed record Promotion(string Version, DateTimeOffset At, string Reason);
