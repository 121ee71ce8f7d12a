using BenchmarkDotNet.Attributes;
using MatchEngine.Benchmarks.Support;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Matching;

namespace MatchEngine.Benchmarks;

/// <summary>
/// Question: what does featurizing one shortlist's 1,000 pairs cost (<see cref="PairFeatures.Featurize(PreparedVacancy, PreparedCandidate, float)"/>), and
/// what does the candidate pool save by holding candidates prepared? Baseline: 1,000 pairs of one prepared
/// vacancy with 1,000 prepared candidates (the served path). Compared: the same with each candidate prepared
/// in the call (what a shortlist would cost if the pool did not cache <see cref="PreparedCandidate"/>s).
/// Data: vacancy v000001 and the first 1,000 consenting candidates of a seeded 5k/1k region.
/// </summary>
[Config(typeof(PatientLatencyConfig))]
public class FeaturizationBenchmarks
{
    private const int Pairs = 1_000;

    private PreparedVacancy? _vacancy;
    private Candidate[] _candidates = [];
    private PreparedCandidate[] _prepared = [];

    [GlobalSetup]
    public void Setup()
    {
        var world = SyntheticRegion.Generate(5_000, 1_000);
        var vacancy = world.Vacancies[0];
        _vacancy = new PreparedVacancy(vacancy, world.Employers.Single(e => e.Id == vacancy.EmployerId));
        _candidates = world.Candidates.Where(c => c.ConsentMatching).Take(Pairs).ToArray();
        _prepared = _candidates.Select(c => new PreparedCandidate(c)).ToArray();
        Console.WriteLine($"// {vacancy.Id} ({vacancy.Title}) × {_candidates.Length} candidates, {PairFeatures.Names.Count} features");
    }

    [Benchmark(Baseline = true, Description = "featurize 1,000 prepared pairs")]
    public float Prepared()
    {
        var sum = 0f;
        for (var i = 0; i < _prepared.Length; i++) sum += PairFeatures.Featurize(_vacancy!, _prepared[i], 1f)[0];
        return sum;
    }

    [Benchmark(Description = "prepare + featurize 1,000 pairs")]
    public float PrepareEach()
    {
        var sum = 0f;
        for (var i = 0; i < _candidates.Length; i++) sum += PairFeatures.Featurize(_vacancy!, new PreparedCandidate(_candidates[i]), 1f)[0];
        return sum;
    }
}
