namespace MatchEngine.Models.Registry;

/// <summary>
/// What is saved with every model: name (ranker, herinstroom, leerwerk), version, algorithm, when it was
/// made, the training window, the feature list, held-out metrics, the hash of its training data, notes, and
/// the training settings it was made with.
/// </summary>
public sealed record ModelManifest
{
    public required string Name { get; init; }
    public required string Version { get; init; }
    public required string Kind { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateOnly? TrainedFrom { get; init; }
    public DateOnly? TrainedTo { get; init; }
    public required IReadOnlyList<string> Features { get; init; }
    public required IReadOnlyDictionary<string, double> Metrics { get; init; }
    public required string DataHash { get; init; }
    public string? Notes { get; init; }

    /// <summary>The resolved training settings (seed, trees, as-of, …) as written by the run, so it can be repeated; null for older versions.</summary>
    public IReadOnlyDictionary<string, string>? Config { get; init; }

    /// <summary>
    /// True for the version its training run chose to promote (promoted unless the fairness gate held it back); false for the
    /// others the run trained to compare, and for versions saved before runs recorded their choice.
    /// </summary>
    public bool Selected { get; init; }

    /// <summary>The fairness audit of this version (lenses, groups, intervals) that <see cref="FairnessGate"/> judges; null for versions audited before it existed, or never audited.</summary>
    public FairnessAudit? Fairness { get; init; }
}
