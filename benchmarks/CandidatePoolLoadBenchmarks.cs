using BenchmarkDotNet.Attributes;
using MatchEngine.Benchmarks.Support;
using MatchEngine.Engine.Matching;
using MatchEngine.Engine.Store;

namespace MatchEngine.Benchmarks;

/// <summary>
/// Question: what does the candidate pool's first load cost (most of the api's start-up at national scale),
/// a sequential load against <see cref="CandidatePool"/>'s load? Sequential (baseline) = every candidate read as a
/// string, parsed, skipped when without consent, prepared, one after another on one thread. Pool = the stored
/// JSON handed over as UTF-8 straight from SQLite, non-consenting records skipped unparsed, parsed and prepared
/// on every core while the store is still read. Both give the same candidates in the same order
/// (<c>CandidatePoolTests</c>). Region: 400,000 candidates (360,000 consenting; <see cref="CachedRegion"/>).
/// Each call runs in a process that has loaded the pool before (BenchmarkDotNet's warm-up), so the code is
/// jitted and the heap grown: the api's first load in a fresh process is slower than both (see
/// <c>benchmarks/load/startup-steps.sh</c>).
/// <para>
/// Results (2 cores shared with other work, BatchConfig: 1 warm-up + 5 calls, Server GC): sequential median
/// 9.47 s, 2.42 GB allocated; pool 4.59 s (ratio 0.49), 1.50 GB (0.62). Under workstation GC the two are even
/// (11.29 s against 12.17 s, 1.08): the single GC thread collecting 1.5 GB of mostly surviving objects is the
/// bottleneck, hence <c>[GcServer]</c>.
/// </para>
/// </summary>
[Config(typeof(BatchConfig))]
[GcServer(true)] // as the api runs (ASP.NET Core's default); under workstation GC one GC thread is the bottleneck of any parallel load
public class CandidatePoolLoadBenchmarks
{
    private const int Candidates = 400_000;
    private const int Vacancies = 2_000;

    private ICatalogStore? _store;

    [GlobalSetup]
    public void Setup() => _store = CachedRegion.Catalog(Candidates, Vacancies).Store.OpenCatalog();

    [Benchmark(Baseline = true, Description = "sequential: strings, parse, filter, prepare (old)")]
    public int Sequential() =>
        _store!.Candidates().Where(c => c.ConsentMatching).ToDictionary(c => c.Id, c => new PreparedCandidate(c), StringComparer.Ordinal).Count;

    [Benchmark(Description = "CandidatePool first load (UTF-8 scan, parallel parse)")]
    public int Pool() => new CandidatePool(_store!).Count;

    [GlobalCleanup]
    public void Cleanup() => _store?.Dispose();
}
