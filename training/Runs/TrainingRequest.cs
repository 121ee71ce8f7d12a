namespace MatchEngine.Training.Runs;

/// <summary>What to train: the model name and its settings (unset ones take the model's defaults, see <see cref="TrainingConfig.ResolvedFor"/>).</summary>
public sealed record TrainingRequest(string Model, TrainingConfig Config);
