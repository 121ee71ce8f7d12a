namespace MatchEngine.Training.Herinstroom;

/// <summary>One trained herinstroom model: its report name (cox, fasttree_ipcw), registry version and held-out metrics.</summary>
public sealed record HerinstroomModelResult(string Name, string Version, HerinstroomMetrics Metrics);
