namespace MatchEngine.Training.Herinstroom;

/// <summary>What a herinstroom training run did: the as-of date and split, the data, both models' held-out metrics, what was promoted.</summary>
public sealed record HerinstroomRunResult(DateOnly AsOf, DateOnly SplitDate, int TrainPlacements, int TrainEvents, int TestPlacements, int TestEvents,
    IReadOnlyList<string> CoxFeatures, IReadOnlyList<HerinstroomModelResult> Models, string? Promoted, string DataHash, TimeSpan Duration,
    Fairness.HerinstroomFairnessReport Fairness, string? PromotionBlocked);
