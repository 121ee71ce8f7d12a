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
        if (versions.Count == 0) return $"er is nog geen {what} getraind: {train}";
        // A run trains several versions to compare and chooses one to promote: the last chosen is the one the gate held back.
        var chosen = versions.LastOrDefault(v => v.Selected) ?? versions[^1];
        var trained = versions.Count == 1
            ? $"{chosen.Version} is getraind op {chosen.CreatedAt:yyyy-MM-dd}"
            : chosen.Selected
                ? $"er zijn {versions.Count} versies getraind; de laatste training koos {chosen.Version} ({chosen.Kind}, {chosen.CreatedAt:yyyy-MM-dd})"
                : $"er zijn {versions.Count} versies getraind, de laatste ({chosen.Version}) op {chosen.CreatedAt:yyyy-MM-dd}";
        if (FairnessGate.Refusal(chosen, registry.Fairness) is { } refusal)
            return $"er is geen {what} gepromoveerd: {trained}, en de eerlijkheidstoets hield deze tegen: {refusal}. "
                + $"Een beheerder beslist: `matchengine models promote {chosen.Version} --override-fairness \"REDEN\"` "
                + "(gRPC: Models.Promote met override_fairness), of train opnieuw op andere gegevens";
        return $"er is geen {what} gepromoveerd: {trained} en nooit gepromoveerd; promoveer deze met `matchengine models promote {chosen.Version}`";
    }
}
