using BenchmarkDotNet.Attributes;
using MatchEngine.Benchmarks.Support;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Store;

namespace MatchEngine.Benchmarks;

/// <summary>
/// Question: after a write to the store, what does <see cref="DataToday"/> pay to stay current: reading every placement
/// again for the data's date, the jobs on it and the placements naming a vacancy (the baseline, what it does after a
/// placement changed), or asking whether a placement changed (<see cref="ICatalogStore.ChangedSince"/>, what it does after
/// any other write, such as a recorded outcome)? The SQLite store holds 60,000 placements of 100,000 candidates (the load
/// test's region holds 0.6 placements per candidate) and, after them, one match event.
/// </summary>
[Config(typeof(FewCallsConfig))]
public class DataTodayBenchmarks
{
    private const int Placements = 60_000;

    private string _directory = "";
    private SqliteCatalogStore? _store;
    private long _afterPlacements;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), $"data-today-{Guid.NewGuid():N}");
        _store = new SqliteCatalogStore(Path.Combine(_directory, "store.db"));
        var today = new DateOnly(2025, 6, 30);
        for (var first = 0; first < Placements; first += 5_000)
        {
            var batch = new CatalogBatch();
            for (var i = first; i < first + 5_000; i++)
            {
                var start = today.AddDays(-(i % 2_900) - 1);
                batch.Add(new Placement
                {
                    Id = $"p{i:D6}", CandidateId = $"c{i * 7 % 100_000:D6}", EmployerId = $"e{i % 300:D3}", VacancyId = i % 2 == 0 ? $"v{i / 2:D6}" : null,
                    Start = start, HoursPerWeek = 24, Contract = ContractKind.Temporary, Ended = i % 4 == 0 ? start.AddDays(1) : null, ObservedUntil = today,
                });
            }
            _afterPlacements = _store.Upsert(batch);
        }
        var outcome = new CatalogBatch();
        outcome.Add(new MatchEvent { VacancyId = "v000001", CandidateId = "c000001", At = new DateTimeOffset(2025, 6, 30, 9, 0, 0, TimeSpan.Zero), Stage = MatchStage.Invited });
        _store.Upsert(outcome);
        if (ChangedSince() || ReadPlacements() == 0) throw new InvalidOperationException("the setup has no jobs or reports a placement changed after the last one");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store?.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public int ReadPlacements() => new DataToday(_store!, TimeProvider.System).Jobs.Count;

    [Benchmark]
    public bool ChangedSince() => _store!.ChangedSince(EntityKind.Placement, _afterPlacements);
}
