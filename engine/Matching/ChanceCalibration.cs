using MatchEngine.Models.Ranking;
using MatchEngine.Models.Registry;

namespace MatchEngine.Engine.Matching;

/// <summary>
/// The calibration of a ranker's raw score to the chance of an invitation when proposed, stored in the model's manifest
/// metrics under <see cref="AKey"/> and <see cref="BKey"/> (Platt scaling fitted on the run's held-out history).
/// </summary>
public static class ChanceCalibration
{
    /// <summary>Manifest metric holding Platt's slope.</summary>
    public const string AKey = "chance.platt_a";

    /// <summary>Manifest metric holding Platt's intercept.</summary>
    public const string BKey = "chance.platt_b";

    /// <summary>What the chance is the chance of, in Dutch, for people reading it.</summary>
    public const string Meaning = "kans op uitnodiging";

    /// <summary>The manifest's calibration, or null when the model was trained without one.</summary>
    public static PlattScaling? Of(ModelManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return manifest.Metrics.TryGetValue(AKey, out var a) && manifest.Metrics.TryGetValue(BKey, out var b) ? new PlattScaling(a, b) : null;
    }
}
