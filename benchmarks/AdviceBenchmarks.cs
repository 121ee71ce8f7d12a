using BenchmarkDotNet.Attributes;
using MatchEngine.Benchmarks.Support;
using MatchEngine.Engine.Advice;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Matching;

namespace MatchEngine.Benchmarks;

/// <summary>
/// Question: what does "Wat helpt?" cost in a region of 20,000 candidates and 20,000 open vacancies? <c>WhatHelps</c>
/// for one candidate and vacancy, and a development plan over the open vacancies within twice the candidate's reach with
/// every top-10 bar already known (the plan's steady state; the first plan after a promotion or an import computes the
/// bars). Baseline: a shortlist of 10 for the same vacancy, which scores the same pool once.
/// </summary>
[Config(typeof(FewCallsConfig))]
public class AdviceBenchmarks
{
    private AdviceFixture? _fixture;
    private AdviceService? _advice;
    private Vacancy? _vacancy;
    private string _candidateId = "";

    [GlobalSetup]
    public void Setup()
    {
        _fixture = new AdviceFixture(20_000, 20_000);
        _advice = _fixture.NewAdvice();
        _vacancy = _fixture.Catalog.Store.Vacancies().OrderBy(v => v.Id, StringComparer.Ordinal).First();
        _candidateId = _fixture.Shortlists.For(_vacancy, 40, new ShortlistFilters()).Candidates[^1].CandidateId;
        var plan = _advice.Plan(_candidateId, AdviceFixture.AsOf);
        Console.WriteLine($"// vacancy {_vacancy.Id}; candidate {_candidateId}; plan over {plan.VacanciesConsidered} vacancies: {plan.Summary}");
    }

    [GlobalCleanup]
    public void Cleanup() => _fixture?.Dispose();

    [Benchmark(Baseline = true, Description = "shortlist of 10")]
    public int Shortlist() => _fixture!.Shortlists.For(_vacancy!, 10, new ShortlistFilters()).Candidates.Count;

    [Benchmark(Description = "WhatHelps, one candidate and vacancy")]
    public int WhatHelps() => _advice!.WhatHelps(_candidateId, _vacancy!.Id).Steps.Count;

    [Benchmark(Description = "DevelopmentPlan, bars known")]
    public int Plan() => _advice!.Plan(_candidateId, AdviceFixture.AsOf).VacanciesConsidered;
}
