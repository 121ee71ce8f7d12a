'use strict';

/**
 * Nearest-rank percentile of an ascending array of numbers.
 * @param {number[]} sorted ascending
 * @param {number} p in (0, 100]
 */
function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/**
 * Summary of one measured level: latencies in milliseconds (successful and failed calls alike, since a
 * caller waits for both), throughput as completed calls per second of the measured wall time.
 */
function summarise(level, latenciesMs, errors, wallSeconds) {
  const sorted = Float64Array.from(latenciesMs).sort();
  const errorCount = Object.values(errors).reduce((a, b) => a + b, 0);
  const round = (x) => Math.round(x * 100) / 100;
  return {
    concurrency: level,
    calls: sorted.length,
    ok: sorted.length - errorCount,
    errors: errorCount,
    errors_by_code: errors,
    seconds: round(wallSeconds),
    throughput_per_s: round(sorted.length / wallSeconds),
    p50_ms: round(percentile(sorted, 50)),
    p90_ms: round(percentile(sorted, 90)),
    p99_ms: round(percentile(sorted, 99)),
    max_ms: round(sorted.length ? sorted[sorted.length - 1] : NaN),
  };
}

module.exports = { percentile, summarise };
