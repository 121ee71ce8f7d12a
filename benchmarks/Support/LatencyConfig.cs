using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace MatchEngine.Benchmarks.Support;

/// <summary>
/// Per-call latency: Monitoring strategy with one invocation per iteration, so each measurement is one
/// call and Median/P95/P99 are percentiles of single calls (not of iteration means, as with Throughput).
/// </summary>
internal class LatencyConfig : ManualConfig
{
    public LatencyConfig() : this(warmup: 10, iterations: 100)
    {
    }

    protected LatencyConfig(int warmup, int iterations)
    {
        AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(warmup)
            .WithIterationCount(iterations)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithId($"Latency{iterations}"));
        AddColumn(StatisticColumn.Median, StatisticColumn.P95, new P99Column(), StatisticColumn.Max);
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}

/// <summary>
/// Latency with fewer measured calls, for benchmarks whose baseline takes hundreds of milliseconds. 30 warm-up
/// calls: methods that run once per call are compiled to optimised (tier-1) code only after 30 calls, and the
/// api is a long-running process that serves in that state (the shortlist's median fell from 21.75 ms with 5
/// warm-ups to 19.14 ms with 30).
/// </summary>
internal sealed class ShortLatencyConfig() : LatencyConfig(warmup: 30, iterations: 50);

/// <summary>The 99th percentile of the measurements (BenchmarkDotNet ships P0–P100 columns but no P99).</summary>
internal sealed class P99Column : IColumn
{
    public string Id => "P99";
    public string ColumnName => "P99";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Statistics;
    public int PriorityInCategory => 10;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Percentile 99 of the measurements";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var stats = summary[benchmarkCase]?.ResultStatistics;
        if (stats is null) return "NA";
        var ns = stats.Percentiles.Percentile(99);
        // Always milliseconds: the latency targets are written in ms.
        return (ns / 1e6).ToString("N3", style.CultureInfo) + " ms";
    }

    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
