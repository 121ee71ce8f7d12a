namespace MatchEngine.Models.Registry;

/// <summary>
/// The region's fairness policy for promotions: a model whose lowest group ratio is below <see cref="Threshold"/>
/// is promoted only by an admin with a recorded override. Policy, not a training setting: only an admin sets it
/// (<see cref="ModelRegistry.SetFairnessThreshold"/>), and who set it, when and why is kept beside the models.
/// </summary>
public sealed record FairnessPolicy(double Threshold, string SetBy, string Reason, DateTimeOffset? At)
{
    /// <summary>The four-fifths rule: a group's ratio to the best group of at least 0.8.</summary>
    public const double DefaultThreshold = 0.8;

    /// <summary>The policy of a registry where no admin has set one.</summary>
    public static FairnessPolicy Default { get; } = new(DefaultThreshold, "default", "de vier-vijfderegel", null);

    /// <summary>The lowest and highest thresholds an admin may set.</summary>
    public const double MinThreshold = 0, MaxThreshold = 1.5;
}
