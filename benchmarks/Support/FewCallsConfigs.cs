namespace MatchEngine.Benchmarks.Support;

/// <summary>
/// <see cref="LatencyConfig"/> with a 10-minute build timeout: BenchmarkDotNet builds a boilerplate project per
/// job, and on this shared 2-core machine under load that build exceeds the default two minutes.
/// </summary>
internal class PatientLatencyConfig : LatencyConfig
{
    public PatientLatencyConfig() : this(warmup: 10, iterations: 100)
    {
    }

    protected PatientLatencyConfig(int warmup, int iterations) : base(warmup, iterations) =>
        WithBuildTimeout(TimeSpan.FromMinutes(10));
}

/// <summary>
/// Per-call latency with few calls (3 warm-up + 20 measured), for size sweeps whose baseline takes seconds at
/// the largest size (exhaustive scoring of 360,000 candidates): bounds a [Params] sweep to minutes.
/// </summary>
internal sealed class FewCallsConfig() : PatientLatencyConfig(warmup: 3, iterations: 20);

/// <summary>
/// Batch jobs of seconds each (1 warm-up + 5 measured calls): enough for a median on a noisy machine without
/// spending minutes per method.
/// </summary>
internal sealed class BatchConfig() : PatientLatencyConfig(warmup: 1, iterations: 5);
