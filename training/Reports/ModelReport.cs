namespace MatchEngine.Training.Reports;

/// <summary>A written report: the path of <c>report.md</c>, its Markdown, and the held-out metrics of every model it compares (name → metric → value).</summary>
public sealed record ModelReport(string Path, string Markdown, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Metrics);
