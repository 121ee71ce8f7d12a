namespace MatchEngine.Training.Herinstroom;

/// <summary>What a herinstroom training run did: the as-of date and split, the data, both models' held-out metrics, what was promoted.</summary>
public sealed record HerinstroomRunResult(DateOnly AsOf, DateOnly SplitDate, int TrainPlacements, int TrainEvents, int TestPlacements, int TestEvents,
    IReadOnlyList<string> CoxFeatures, IReadOnlyList<HerinstroomModelResult> Models, string? Promoted, string DataHash, TimeSpan Duration,
    MatchEngine.Models.Registry.FairnessAudit Fairness, string? PromotionBlocked)
{
    /// <summary>The registry's fairness threshold the run was held to.</summary>
    public double FairnessThreshold { get; init; }
}
