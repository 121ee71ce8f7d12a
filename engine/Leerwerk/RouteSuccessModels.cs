using MatchEngine.Models.Herinstroom;
using MatchEngine.Models.Registry;

namespace MatchEngine.Engine.Leerwerk;

/// <summary>
/// The route-success model in the registry: a FastTree classifier of "completes the route and still
/// works 12 months after the start" (the 12-month horizon classifier with unit weights).
/// </summary>
public static class RouteSuccessModels
{
    /// <summary>Registry name.</summary>
    public const string Name = "leerwerk";

    /// <summary>File of the model within its version directory.</summary>
    public const string FileName = "model.zip";

    /// <summary>Follows the promoted model.</summary>
    public static PromotedModel<HorizonClassifier> Follow(ModelRegistry registry, TimeSpan? poll) =>
        new(registry, Name, (manifest, dir) => HorizonClassifier.Load(Path.Combine(dir, FileName), manifest.Features.Count, 12), poll);
}
