using MatchEngine.Training.Reports;

namespace MatchEngine.Training.Runs;

/// <summary>A finished run: the metrics JSON line (with <c>report</c>, the report's path) and the report itself.</summary>
public sealed record TrainingOutcome(string MetricsJson, ModelReport Report);
