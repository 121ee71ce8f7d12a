using BenchmarkDotNet.Attributes;
using MatchEngine.Benchmarks.Support;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Store;

namespace MatchEngine.Benchmarks;

/// <summary>
/// Question: what does a shortlist's notice ("Deze vacature is vervuld.") cost to count one vacancy's hires: a read of
/// that vacancy's match events by the prefix of their key (<see cref="VacancyHires.Of"/>, served) against a scan of
/// every match event (the baseline)? The SQLite store holds the history of 30,000 past vacancies, 10 proposals each, an
/// invitation for every third proposal and one hire per vacancy (430,000 events; the load test's history is of the same
/// number of vacancies); one call counts the hires of one vacancy in the middle of the key range.
/// </summary>
[Config(typeof(FewCallsConfig))]
public class VacancyHiresBenchmarks
{
    private const int Vacancies = 30_000;
    private const int ProposedPerVacancy = 10;
    private const string Counted = "vh015000";

    private string _directory = "";
    private SqliteCatalogStore? _store;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), $"vacancy-hires-{Guid.NewGuid():N}");
        _store = new SqliteCatalogStore(Path.Combine(_directory, "store.db"));
        var at = new DateTimeOffset(2024, 1, 8, 9, 0, 0, TimeSpan.Zero);
        for (var first = 0; first < Vacancies; first += 1_000)
        {
            var batch = new CatalogBatch();
            for (var v = first; v < first + 1_000; v++)
                for (var c = 0; c < ProposedPerVacancy; c++)
                {
                    var pair = v * ProposedPerVacancy + c;
                    var (vacancy, candidate) = ($"vh{v:D6}", $"c{pair % 100_000:D6}");
                    batch.Add(new MatchEvent { VacancyId = vacancy, CandidateId = candidate, At = at, Stage = MatchStage.Proposed });
                    if (pair % 3 == 0) batch.Add(new MatchEvent { VacancyId = vacancy, CandidateId = candidate, At = at.AddDays(7), Stage = MatchStage.Invited });
                    if (c == 0) batch.Add(new MatchEvent { VacancyId = vacancy, CandidateId = candidate, At = at.AddDays(14), Stage = MatchStage.Hired });
                }
            _store.Upsert(batch);
        }
        if (RangeRead() != Scan()) throw new InvalidOperationException($"range read {RangeRead()} hires of {Counted}, scan {Scan()}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store?.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark]
    public int RangeRead() => VacancyHires.Of(_store!, Counted);

    [Benchmark(Baseline = true)]
    public int Scan() => _store!.MatchEvents().Where(e => e.VacancyId == Counted && e.Stage == MatchStage.Hired).Select(e => e.CandidateId).Distinct(StringComparer.Ordinal).Count();
}
