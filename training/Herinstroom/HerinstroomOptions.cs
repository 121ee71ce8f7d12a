namespace MatchEngine.Training.Herinstroom;

/// <summary>Options of a herinstroom training run; defaults are what <c>matchengine train herinstroom</c> uses.</summary>
/// <param name="Seed">Seed of the FastTree trainers (runs are reproducible).</param>
/// <param name="Trees">Trees per horizon classifier.</param>
/// <param name="TrainShare">Share of placements, by start date, in the training part (the rest is held out).</param>
public sealed record HerinstroomOptions(int Seed = 42, int Trees = 100, double TrainShare = 0.8);
