namespace MatchEngine.Models.Registry;

/// <summary>
/// Why a model has no promoted version, said so a user can act on it: nothing trained yet, or a trained version that
/// the fairness gate (<see cref="FairnessGate"/>) held back, with the command an admin uses to decide.
/// </summary>
public static class NotPromoted
{
    /// <summary>The explanation for <paramref name="name"/> in <paramref name="registry"/>.</summary>
    /// <param name="what">The model in words, e.g. <c>ranker</c> or <c>herinstroom model</c>.</param>
    /// <param name="train">What to do when nothing is trained, e.g. <c>train one with `matchengine train ranker`</c>.</param>
    public static string Explain(ModelRegistry registry, string name, string what, string train)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var versions = registry.List(name);
        if (versions.Count == 0) return $"no {what} has been trained yet: {train}";
        var latest = versions[^1];
        var trained = versions.Count == 1
            ? $"{latest.Version} was trained on {latest.CreatedAt:yyyy-MM-dd}"
            : $"{versions.Count} versions were trained, the latest {latest.Version} on {latest.CreatedAt:yyyy-MM-dd}";
        if (FairnessGate.Refusal(latest, registry.Fairness) is { } refusal)
            return $"no {what} is promoted: {trained}, and the fairness audit held it back: {refusal}. "
                + $"An admin decides: `matchengine models promote {latest.Version} --override-fairness \"REASON\"` "
                + "(gRPC: Models.Promote with override_fairness), or retrain on other data";
        return $"no {what} is promoted: {trained} and never promoted; promote it with `matchengine models promote {latest.Version}`";
    }
}
