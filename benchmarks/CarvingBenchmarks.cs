using MatchEngine.Engine.Access;
using BenchmarkDotNet.Attributes;
using MatchEngine.Benchmarks.Support;
using MatchEngine.Engine.Carving;
using MatchEngine.Engine.Domain;

namespace MatchEngine.Benchmarks;

/// <summary>
/// Question: what does carving one employer's vacancies (10 vacancies × 8 tasks) for each of its 50 best
/// candidates cost (50 × profile + <see cref="JobCarver.Carve"/>)? Baseline: one carve for the generic
/// profile. "Best candidates" here: the 50 consenting candidates nearest the employer in a seeded 5k/1k
/// region; their tasks are drawn (seeded) from the region's real task breakdowns.
/// </summary>
[Config(typeof(LatencyConfig))]
public class CarvingBenchmarks
{
    private const int VacancyCount = 10;
    private const int TasksPerVacancy = 8;
    private const int CandidateCount = 50;

    private Employer? _employer;
    private Vacancy[] _vacancies = [];
    private Candidate[] _candidates = [];
    private LeerwerkRoute[] _routes = [];

    [GlobalSetup]
    public void Setup()
    {
        var world = SyntheticRegion.Generate(5_000, 1_000);
        var random = new Random(SyntheticRegion.Seed);
        _employer = world.Employers[2];
        var open = world.Vacancies.Take(1_000).ToArray();
        var tasks = open.SelectMany(v => v.Tasks).ToArray();
        _vacancies = open.Take(VacancyCount).Select((v, n) =>
        {
            var picked = Enumerable.Range(0, TasksPerVacancy).Select(_ => tasks[random.Next(tasks.Length)]).ToArray();
            var scale = v.HoursMax / picked.Sum(t => t.HoursPerWeek);
            return v with
            {
                Id = $"carve-v{n + 1:00}",
                EmployerId = _employer.Id,
                OpenToJobcarving = true,
                Tasks = picked.Select((t, i) => t with { Id = $"t{i + 1}", HoursPerWeek = Math.Max(0.1, Math.Floor(t.HoursPerWeek * scale * 10) / 10) }).ToArray(),
            };
        }).ToArray();
        var at = new GeoPoint(_employer.Lat, _employer.Lon);
        _candidates = world.Candidates.Where(c => c.ConsentMatching).OrderBy(c => c.Location.DistanceKm(at)).ThenBy(c => c.Id, StringComparer.Ordinal)
            .Take(CandidateCount).ToArray();
        _routes = world.Routes.ToArray();
        Console.WriteLine($"// roles for the generic profile: {Generic()}; for the 50 candidates: {PerCandidate()}");
    }

    [Benchmark(Baseline = true, Description = "generic profile, once")]
    public int Generic() => JobCarver.Carve(_employer!, _vacancies, WorkerProfile.Generic).Roles.Count;

    [Benchmark(Description = "50 candidates, one carve each")]
    public int PerCandidate()
    {
        var roles = 0;
        foreach (var c in _candidates) roles += JobCarver.Carve(_employer!, _vacancies, WorkerProfile.Of(c, _routes)).Roles.Count;
        return roles;
    }
}
