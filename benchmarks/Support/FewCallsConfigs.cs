namespace MatchEngine.Benchmarks.Support;

/// <summary>
/// Per-call latency with few calls (3 warm-up + 20 measured), for size sweeps whose baseline takes seconds at
/// the largest size (exhaustive scoring of 360,000 candidates): bounds a [Params] sweep to minutes.
/// </summary>
internal sealed class FewCallsConfig() : LatencyConfig(warmup: 3, iterations: 20);

/// <summary>
/// Batch jobs of seconds each (1 warm-up + 5 measured calls): enough for a median on a noisy machine without
/// spending minutes per method.
/// </summary>
internal sealed class BatchConfig() : LatencyConfig(warmup: 1, iterations: 5);
