using BenchmarkDotNet.Attributes;
using MatchEngine.Benchmarks.Support;
using MatchEngine.Engine.Matching;

namespace MatchEngine.Benchmarks;

/// <summary>
/// Question: how long do the training needs of a region of 20,000 candidates and 2,000 open vacancies take from cold
/// (no top-10 bar known, as after a promotion or an import)? Baseline: a shortlist of 10 for every open vacancy, the
/// ranking of every pool that any count of "who reaches a top 10" needs at least.
/// </summary>
[Config(typeof(BatchConfig))]
public class TrainingNeedsBenchmarks
{
    private AdviceFixture? _fixture;
    private string[] _open = [];
    private string _region = "";

    [GlobalSetup]
    public void Setup()
    {
        _fixture = new AdviceFixture(20_000, 2_000);
        _open = [.. _fixture.Catalog.Store.Vacancies().Where(v => v.IsOpenOn(AdviceFixture.AsOf)).Select(v => v.Id)];
        _region = _fixture.Pool.All.First().Candidate.Region;
        Console.WriteLine($"// region {_region}: {_fixture.Pool.All.Count(c => c.Candidate.Region == _region)} consenting candidates, {_open.Length} open vacancies");
    }

    [GlobalCleanup]
    public void Cleanup() => _fixture?.Dispose();

    [Benchmark(Baseline = true, Description = "a shortlist of 10 per open vacancy")]
    public int Shortlists()
    {
        var listed = 0;
        Parallel.ForEach(_open, id => Interlocked.Add(ref listed, _fixture!.Shortlists.For(id, 10, new ShortlistFilters([_region])).Candidates.Count));
        return listed;
    }

    [Benchmark(Description = "TrainingNeeds, cold")]
    public int TrainingNeeds() => _fixture!.NewAdvice().TrainingNeeds(_region, AdviceFixture.AsOf).Count;
}
