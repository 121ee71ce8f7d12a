using MatchEngine.Models.Ranking;
using MatchEngine.Models.Registry;

namespace MatchEngine.Training.Ranking;

/// <summary>The names a learned ranker goes by in metrics, reports and the CLI: its kind, and "+pool" when trained with sampled unproposed candidates.</summary>
public static class RankerVariant
{
    /// <summary>Manifest metric: unproposed candidates sampled per training vacancy (0 for a model trained on the logged proposals alone).</summary>
    public const string PoolNegativesKey = "training.pool_negatives_per_vacancy";

    /// <summary>"lambdamart", "lightgbm", "logistic" or "spline", with "+pool" when <paramref name="withPool"/>.</summary>
    public static string Of(RankerKind kind, bool withPool) => kind switch
    {
        RankerKind.FastTree => "lambdamart",
        RankerKind.LightGbm => "lightgbm",
        RankerKind.Logistic => "logistic",
        RankerKind.SplineLogistic => "spline",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    } + (withPool ? "+pool" : "");

    /// <summary>The variant a saved ranker version is; a kind this build does not know keeps its own name.</summary>
    public static string Of(ModelManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var withPool = manifest.Metrics.GetValueOrDefault(PoolNegativesKey) > 0;
        return Enum.TryParse<RankerKind>(manifest.Kind, out var kind) ? Of(kind, withPool) : manifest.Kind + (withPool ? "+pool" : "");
    }
}
