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

    /// <summary>The promoted ranker and its manifest; a clear precondition failure when none is promoted or its features are not this engine's.</summary>
    public static (TrainedRanker Model, ModelManifest Manifest) Current(PromotedModel<TrainedRanker> ranker)
    {
        ArgumentNullException.ThrowIfNull(ranker);
        if (ranker.Current is null) ranker.Refresh();
        var current = ranker.Current ?? throw new PreconditionFailedException(NotPromoted.Explain(ranker.Registry, ranker.Name, "ranker",
            "voer eerst `dotnet run --project training -c Release -- train ranker` uit (of gebruik de Models-service)"));
        if (!current.Manifest.Features.SequenceEqual(PairFeatures.Names))
            throw new PreconditionFailedException($"de gepromoveerde ranker {current.Manifest.Version} gebruikt andere kenmerken dan deze engine; train opnieuw met `matchengine train ranker`");
        return current;
    }
}
