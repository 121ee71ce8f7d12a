using System.Text.Json;

namespace MatchEngine.Models.Registry;

/// <summary>
/// A directory of versioned models: <c>&lt;root&gt;/&lt;name&gt;/&lt;version&gt;/</c> holds the model files and
/// <c>manifest.json</c>; <c>&lt;root&gt;/&lt;name&gt;/promoted.json</c> holds the promotion history, newest last,
/// written atomically (temp file, then move) so a watcher never reads half a file. Versions are
/// <c>&lt;name&gt;-v0001</c>, <c>-v0002</c>, … in creation order. <c>&lt;root&gt;/fairness-policy.json</c> holds the
/// fairness threshold an admin set (<see cref="FairnessPolicy"/>). Every promotion passes the fairness gate
/// (<see cref="FairnessGate"/>) or carries an admin's override, and records who (<see cref="Actor"/>) and why.
/// Thread-safe for readers; one writer at a time.
/// </summary>
public sealed class ModelRegistry(string root, TimeProvider time)
{
    // Named floating-point literals: a fairness finding of an empty group is NaN.
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The registry's root directory.</summary>
    public string Root { get; } = root;

    /// <summary>The clock used to stamp manifests and promotions.</summary>
    public TimeProvider Time { get; } = time;

    /// <summary>The user on whose behalf this instance promotes, rolls back and sets policy; recorded with each change.</summary>
    public string Actor { get; init; } = "matchengine";

    /// <summary>The same registry, acting for <paramref name="user"/>.</summary>
    public ModelRegistry ActingFor(string user) => new(Root, Time) { Actor = user };

    /// <summary>The fairness policy in force (the default four-fifths rule until an admin sets one).</summary>
    public FairnessPolicy Fairness => File.Exists(PolicyPath)
        ? JsonSerializer.Deserialize<FairnessPolicy>(File.ReadAllText(PolicyPath), Json) ?? FairnessPolicy.Default
        : FairnessPolicy.Default;

    /// <summary>Sets the fairness threshold; only an admin may, with a reason. Returns the new policy.</summary>
    public FairnessPolicy SetFairnessThreshold(double threshold, string reason, bool byAdmin)
    {
        if (double.IsNaN(threshold) || threshold is < FairnessPolicy.MinThreshold or > FairnessPolicy.MaxThreshold)
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, $"the fairness threshold must be {FairnessPolicy.MinThreshold}-{FairnessPolicy.MaxThreshold}");
        if (string.IsNullOrWhiteSpace(reason)) throw new ArgumentException("give the reason for the fairness threshold", nameof(reason));
        if (!byAdmin) throw new AdminOnlyException("alleen een beheerder mag de drempel van de eerlijkheidstoets instellen");
        var policy = new FairnessPolicy(threshold, Actor, reason, Time.GetUtcNow());
        WriteAtomically(PolicyPath, JsonSerializer.Serialize(policy, Json));
        return policy;
    }

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

    /// <summary>
    /// Makes <paramref name="version"/> the served one, recording <see cref="Actor"/> and <paramref name="reason"/>. A
    /// version that fails the fairness gate needs <paramref name="fairnessOverride"/> (a reason) given by an admin
    /// (<paramref name="byAdmin"/>): otherwise <see cref="FairnessGateException"/>, or <see cref="AdminOnlyException"/>
    /// for an override by someone else.
    /// </summary>
    public void Promote(string version, string reason, string? fairnessOverride = null, bool byAdmin = false)
    {
        var manifest = Require(version);
        if (string.IsNullOrWhiteSpace(reason)) throw new ArgumentException("give the reason for the promotion", nameof(reason));
        if (FairnessGate.Refusal(manifest, Fairness) is { } refusal)
        {
            if (string.IsNullOrWhiteSpace(fairnessOverride)) throw new FairnessGateException(refusal);
            if (!byAdmin) throw new AdminOnlyException("alleen een beheerder mag de eerlijkheidstoets opheffen");
        }
        else
        {
            fairnessOverride = null;
        }
        Append(NameOf(version), new Promotion(version, Time.GetUtcNow(), reason, Actor, fairnessOverride));
    }

    /// <summary>
    /// Returns to the version promoted before the current one; returns it, or throws when there is none. A version that
    /// fails the fairness policy now is not rolled back to (<see cref="FairnessGateException"/>): an admin promotes it with an override.
    /// <paramref name="reason"/>, when given, is recorded after "rollback from VERSION".
    /// </summary>
    public string Rollback(string name, string? reason = null)
    {
        var history = History(name).ToList();
        if (history.Count < 2) throw new InvalidOperationException($"{name} heeft geen eerder gepromoveerde versie om naar terug te gaan");
        var current = history[^1].Version;
        var previous = history.Take(history.Count - 1).Last(p => p.Version != current).Version;
        if (Get(previous) is { } manifest && FairnessGate.Refusal(manifest, Fairness) is { } refusal)
            throw new FairnessGateException($"teruggaan naar {previous} kan niet: {refusal}; " +
                                            $"promoveer die versie in plaats daarvan met `matchengine models promote {previous} --override-fairness \"REDEN\"`");
        var why = string.IsNullOrWhiteSpace(reason) ? $"rollback from {current}" : $"rollback from {current}: {reason.Trim()}";
        Append(name, new Promotion(previous, Time.GetUtcNow(), why, Actor, null));
        return previous;
    }

    /// <summary>Path of the promotion file of <paramref name="name"/> (watched by the api).</summary>
    public string PromotedPath(string name) => Path.Combine(Root, name, "promoted.json");

    private string PolicyPath => Path.Combine(Root, "fairness-policy.json");

    private void Append(string name, Promotion promotion)
    {
        var history = History(name).ToList();
        history.Add(promotion);
        WriteAtomically(PromotedPath(name), JsonSerializer.Serialize(history, Json));
    }

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

/// <summary>
/// One promotion: the version, when, why (a training run, a person, a rollback), by whom, and the admin's reason
/// when it overrode the fairness gate (null when the gate passed). <see cref="User"/> is null in histories written
/// before promotions recorded it.
/// </summary>
public sealed record Promotion(string Version, DateTimeOffset At, string Reason, string? User = null, string? FairnessOverride = null);

/// <summary>A promotion the fairness gate refuses without an admin's override; maps to FAILED_PRECONDITION.</summary>
public sealed class FairnessGateException(string message) : InvalidOperationException(message);
