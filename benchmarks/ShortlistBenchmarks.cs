using BenchmarkDotNet.Attributes;
using MatchEngine.Benchmarks.Support;
using MatchEngine.Engine;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Ranking;
using MatchEngine.Models.Registry;
using MatchEngine.Training.Ranking;
using MatchEngine.Training.Synth;

namespace MatchEngine.Benchmarks;

/// <summary>
/// Question: what does one shortlist cost end to end (retrieve 1,000 from 100,000 candidates, featurize,
/// rank with a trained ranker, explain the top 20), and what does retrieval save? Baseline: exhaustive
/// scoring of every consenting candidate (features with bm25 0, one scoring batch, explain the top 20).
/// The ranker is really trained (RankerTrainingRun on the match history of a seeded 5k/1k region).
/// </summary>
[Config(typeof(ShortLatencyConfig))]
public class ShortlistBenchmarks
{
    private const int Candidates = 100_000;
    private const int Vacancies = 2_000;
    private const int Top = 20;

    private string _root = "";
    private CatalogService? _catalog;
    private CandidatePool? _pool;
    private PromotedModel<TrainedRanker>? _ranker;
    private ShortlistService? _service;
    private Vacancy? _vacancy;

    [GlobalSetup]
    public void Setup()
    {
        _root = SyntheticRegion.TempDir("shortlist");
        var registry = TrainRanker(Path.Combine(_root, "training"));
        _ranker = RankerModels.Follow(registry, poll: null);

        var folder = Path.Combine(_root, "folder");
        SyntheticRegion.Write(SyntheticRegion.CatalogOnly(SyntheticRegion.Generate(Candidates, Vacancies), Vacancies), folder);
        _catalog = SyntheticRegion.ImportAndIndex(folder, Path.Combine(_root, "data"));
        _pool = new CandidatePool(_catalog.Store);
        _service = new ShortlistService(_catalog, _pool, _ranker, TimeProvider.System);

        // The first open vacancy (in id order) whose retrieval fills the full depth of 1,000.
        foreach (var v in _catalog.Store.Vacancies().OrderBy(v => v.Id, StringComparer.Ordinal).Take(200))
        {
            var shortlist = _service.For(v, Top, new ShortlistFilters());
            if (shortlist.Retrieved < ShortlistFilters.DefaultDepth) continue;
            _vacancy = v;
            break;
        }
        if (_vacancy is null) throw new InvalidOperationException("no vacancy retrieves 1,000 candidates");
        Console.WriteLine($"// vacancy {_vacancy.Id} ({_vacancy.Title}); pool {_pool.Count} consenting candidates; model {_ranker.Current!.Value.Manifest.Kind}");
    }

    [Benchmark(Baseline = true, Description = "exhaustive: score all consenting")]
    public int Exhaustive()
    {
        var model = _ranker!.Current!.Value.Model;
        var prepared = new PreparedVacancy(_vacancy!, _catalog!.Store.GetEmployer(_vacancy!.EmployerId));
        var candidates = _pool!.All.ToArray();
        var features = new float[candidates.Length][];
        for (var i = 0; i < candidates.Length; i++) features[i] = PairFeatures.Featurize(prepared, candidates[i], 0);
        var scores = model.Score(features);
        var best = Enumerable.Range(0, candidates.Length).OrderByDescending(i => scores[i]).Take(Top).ToArray();
        var contributions = model.Contributions(best.Select(i => features[i]).ToArray());
        var explained = 0;
        for (var k = 0; k < best.Length; k++)
            explained += Explainer.Explain(prepared, candidates[best[k]], features[best[k]], contributions[k]).Reasons.Count;
        return explained;
    }

    [Benchmark(Description = "shortlist: retrieve 1,000 + rank + explain 20")]
    public int Shortlist() => _service!.For(_vacancy!, Top, new ShortlistFilters()).Candidates.Count;

    [GlobalCleanup]
    public void Cleanup()
    {
        _ranker?.Dispose();
        _catalog?.Dispose();
        SyntheticRegion.Delete(_root);
    }

    /// <summary>Trains and promotes a ranker on the full history (match events, placements) of a seeded 5k/1k region.</summary>
    private static ModelRegistry TrainRanker(string dir)
    {
        var folder = Path.Combine(dir, "folder");
        var layout = new DataLayout(Path.Combine(dir, "data"));
        SyntheticRegion.Write(SyntheticRegion.Generate(5_000, 1_000), folder);
        using var catalog = SyntheticRegion.ImportAndIndex(folder, layout.Root);
        var registry = new ModelRegistry(layout.ModelsPath, TimeProvider.System);
        var run = new RankerTrainingRun(catalog, new CandidatePool(catalog.Store), registry, TextWriter.Null).Run(SynthOptions.DefaultAsOf, new RankerOptions(), fairnessThreshold: 0); // a benchmark measures cost, not the promotion policy
        Console.WriteLine($"// ranker trained on {run.TrainRows} pairs; promoted {run.Promoted}");
        return registry;
    }
}
