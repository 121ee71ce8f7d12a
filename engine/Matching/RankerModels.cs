using MatchEngine.Models.Ranking;
using MatchEngine.Models.Registry;

namespace MatchEngine.Engine.Matching;

/// <summary>Loads the promoted ranker from the registry; the registry name and file name are defined here once.</summary>
public static class RankerModels
{
    /// <summary>Registry name of the shortlist ranker.</summary>
    public const string Name = "ranker";

    /// <summary>File of the model within its version directory.</summary>
    public const string FileName = "model.zip";

    /// <summary>Follows the promoted ranker, polling for a new promotion every <paramref name="poll"/> (null: only on <c>Refresh</c>).</summary>
    public static PromotedModel<TrainedRanker> Follow(ModelRegistry registry, TimeSpan? poll) =>
        new(registry, Name, Load, poll);

    /// <summary>Loads one saved ranker version.</summary>
    public static TrainedRanker Load(ModelManifest manifest, string directory) =>
        TrainedRanker.Load(Path.Combine(directory, FileName), Enum.Parse<RankerKind>(manifest.Kind), manifest.Features);
}
